// Linked from every object of chronicle_layout and only the libraries layout may use
// (support, model, style): a Cairo, Pango or fontconfig call added to src/layout leaves an
// undefined symbol here, so the build itself fails, not only the layering test.
int main() { return 0; }
