// The PDF artifact pass (render/pdf_artifacts.h) on content streams of the shapes Cairo
// writes, and on what it must leave alone.
#include <catch2/catch.hpp>

#include "render/pdf_artifacts.h"

using chronicle::render::mark_content_artifacts;

TEST_CASE("untagged graphics objects become artifacts, while tagged ones and spans inside text stay as they are") {
  const std::string in =
      "1 0 0 -1 0 842 cm\n"
      "q\n0 0 10 10 re f\n1 w 0 0 m 5 5 l S\nQ\n"                  // a path inside q/Q
      "/P << /MCID 0 >> BDC\nBT\n(a \\) b \\(c) Tj\nET\nEMC\n"     // a structure element
      "BT\n/Span << /ActualText <feff0020> >> BDC\n<0001>Tj\nEMC\nET\n"  // untagged text with a span
      "q 1 0 0 1 5 5 cm 0 0 m 1 1 l S Q\n";
  const std::string out = mark_content_artifacts(in);
  CHECK(out ==
        "1 0 0 -1 0 842 cm\n"
        "q\n/Artifact BMC\n0 0 10 10 re f\n1 w 0 0 m 5 5 l S\nEMC\nQ\n"
        "/P << /MCID 0 >> BDC\nBT\n(a \\) b \\(c) Tj\nET\nEMC\n"
        "/Artifact BMC\nBT\n/Span << /ActualText <feff0020> >> BDC\n<0001>Tj\nEMC\nET\n"
        "q 1 0 0 1 5 5 cm 0 0 m 1 1 l S Q\nEMC\n");  // (one artifact on, around the q/Q nested in it)
}

TEST_CASE("content the pass does not read is left alone") {
  CHECK(mark_content_artifacts("BI /W 1 /H 1 ID x EI\n").empty());  // an inline image
  CHECK(mark_content_artifacts("(unclosed Tj\n").empty());
  CHECK(mark_content_artifacts("EMC\n").empty());  // unbalanced
  CHECK(mark_content_artifacts("1 0 0\n").empty());  // operands without an operator
  CHECK(chronicle::render::mark_pdf_artifacts("not a pdf") == "not a pdf");
}
