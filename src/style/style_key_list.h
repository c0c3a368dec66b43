#pragma once
// Every template key, declared once: its section and field in Style, its kind, C++ type,
// default, range (numbers) or choices (enums), and what it means. This list generates the
// Style structs (style.h), the key table that templates, input `style` blocks and --set
// go through (style_keys.cpp), and the README's key list (`chronicle templates --keys`).
// templates/default.json spells out the same defaults (a test keeps them equal).
//
// X(section, field, Kind, type, default, min, max, "choices|...", "meaning")

#define CHRONICLE_PAGE_KEYS(X)                                                                                     \
  X(page, width, Number, double, 1190.55, 72, 14400, "", "page width in pt (A3 landscape by default)")             \
  X(page, height, Number, double, 841.89, 72, 14400, "",                                                            \
    "page height in pt; a poster keeps it unless its timeline cannot fit at the smallest type (then it grows, "     \
    "with a warning)")                                                                                             \
  X(page, margin, Number, double, 36, 0, 400, "", "margin on every side in pt")                                    \
  X(page, background, Color, std::string, "#ffffff", 0, 0, "", "page colour")                                      \
  X(page, flow, Enum, std::string, "grow", 0, 0, "grow|pages",                                                      \
    "grow: one poster page (taller only as a last resort); pages: a long timeline flows onto pages of the "         \
    "template's size (briefings, slides)")                                                                         \
  X(page, orientation, Enum, std::string, "", 0, 0, "portrait|landscape",                                           \
    "turns the page to match (width and height swap), after every other layer")                                    \
  X(page, unit, Enum, std::string, "pt", 0, 0, "pt|px", "px: the SVG is sized in CSS pixels (1 px = 0.75 pt), as slides are")

#define CHRONICLE_HEADER_KEYS(X)                                                                                   \
  X(header, title, Bool, bool, true, 0, 0, "", "the title block shows the title")                                  \
  X(header, subtitle, Bool, bool, true, 0, 0, "", "the title block shows the subtitle")                            \
  X(header, date, Bool, bool, false, 0, 0, "",                                                                      \
    "the title block shows the document date (SOURCE_DATE_EPOCH, or the latest source publication)")               \
  X(header, running, Bool, bool, false, 0, 0, "", "pages after the first carry the title and date in the top margin")

#define CHRONICLE_FOOTER_KEYS(X)                                                                                   \
  X(footer, legend, Bool, bool, true, 0, 0, "",                                                                     \
    "the legend of tracks, eras and marker kinds (the last page, for the whole document)")                        \
  X(footer, sources, Bool, bool, true, 0, 0, "", "the numbered list of sources (the last page)")                   \
  X(footer, page_numbers, Bool, bool, false, 0, 0, "", "'2 / 5' in the bottom margin of each page of a paged document")

#define CHRONICLE_FONT_KEYS(X)                                                                                     \
  X(font, family, String, std::string, "Noto Sans", 0, 0, "", "font family (pinned: Noto Sans)")                   \
  X(font, title, Number, double, 28, 4, 200, "", "title size in pt")                                               \
  X(font, subtitle, Number, double, 14, 4, 120, "", "subtitle size in pt")                                         \
  X(font, label, Number, double, 10.5, 4, 72, "", "event title size in pt")                                        \
  X(font, date, Number, double, 9, 4, 72, "", "event date size in pt")                                             \
  X(font, tick, Number, double, 8.5, 4, 72, "", "tick label size in pt")                                           \
  X(font, small, Number, double, 8, 4, 72, "", "legend and sources size in pt")                                    \
  X(font, min_scale, Number, double, 0.8, 0.5, 1, "",                                                               \
    "the smallest share of these sizes the layout may use to fit the page (one scale for the whole document)")     \
  X(font, title_bold, Bool, bool, true, 0, 0, "", "the title in bold")                                             \
  X(font, label_bold, Bool, bool, true, 0, 0, "", "event titles in bold")

#define CHRONICLE_COLOR_KEYS(X)                                                                                    \
  X(color, text, Color, std::string, "#1d2433", 0, 0, "", "text colour")                                           \
  X(color, muted, Color, std::string, "#5b6475", 0, 0, "", "secondary text colour")                                \
  X(color, axis, Color, std::string, "#2e3440", 0, 0, "", "axis band and break colour")                            \
  X(color, grid, Color, std::string, "#d8dde6", 0, 0, "", "outline of era swatches in the legend")                 \
  X(color, era, Color, std::string, "#eef1f6", 0, 0, "", "era band colour")                                        \
  X(color, era_text, Color, std::string, "#5b6475", 0, 0, "", "era title colour")                                 \
  X(color, link, Color, std::string, "#1f5fa8", 0, 0, "", "colour of links (source URLs)")                         \
  X(color, palette, ColorList, std::vector<std::string>, default_palette(), 0, 0, "", "track colours, in track order")

#define CHRONICLE_LABEL_KEYS(X)                                                                                    \
  X(label, max_width, Number, double, 160, 20, 2000, "", "width in pt at which event titles wrap")                  \
  X(label, padding, Number, double, 4, 0, 40, "", "free space around labels in pt")

#define CHRONICLE_AXIS_KEYS(X)                                                                                     \
  X(axis, line_width, Number, double, 1.2, 0.1, 20, "", "width of lane lines and break marks in pt")               \
  X(axis, marker_radius, Number, double, 4, 1, 40, "", "event marker radius in pt")                                \
  X(axis, break_gap, Number, double, 26, 4, 200, "", "gap at an axis break in pt")                                 \
  X(axis, marker_shape, Enum, std::string, "circle", 0, 0, "circle|square",                                         \
    "marker of an exact date (approximate dates: a diamond; disputed: hollow)")                                    \
  X(axis, scale, Enum, std::string, "auto", 0, 0, "auto|linear|sequential",                                         \
    "auto: long empty stretches become breaks; linear: one proportional axis; sequential: events evenly spaced "   \
    "in time order, each gap labelled with the time it skips (paged documents choose it when a proportional "      \
    "axis would need more pages)")

#define CHRONICLE_LAYOUT_KEYS(X)                                                                                   \
  X(layout, orientation, Enum, std::string, "horizontal", 0, 0, "horizontal|vertical",                              \
    "horizontal: time runs right; vertical: time runs down the page")                                             \
  X(layout, lanes, Enum, std::string, "tracks", 0, 0, "tracks|none",                                                \
    "tracks: a swimlane per track with its header, one shared axis (horizontal); none: one axis band")             \
  X(layout, inset, Enum, std::string, "auto", 0, 0, "auto|none",                                                    \
    "auto: the input's detail inset, one for a cluster a linear axis crushes, and one when the fit needs it (horizontal); none")

/// Every key, section by section.
#define CHRONICLE_STYLE_KEYS(X)                                                                                    \
  CHRONICLE_PAGE_KEYS(X)                                                                                           \
  CHRONICLE_HEADER_KEYS(X)                                                                                         \
  CHRONICLE_FOOTER_KEYS(X)                                                                                         \
  CHRONICLE_FONT_KEYS(X)                                                                                           \
  CHRONICLE_COLOR_KEYS(X)                                                                                          \
  CHRONICLE_LABEL_KEYS(X)                                                                                          \
  CHRONICLE_AXIS_KEYS(X)                                                                                           \
  CHRONICLE_LAYOUT_KEYS(X)
