#pragma once
// Style: everything a template decides. Every default is declared here, once; a template
// file overrides some of them (templates/*.json, with "extends"), see style_keys.cpp.
#include <string>
#include <vector>

namespace chronicle::style {

struct Page {
  double width = 1190.55;   ///< pt (A3 landscape)
  double height = 841.89;   ///< pt; a poster grows taller when its content needs it
  double margin = 36;       ///< pt on every side
  std::string background = "#ffffff";
  std::string flow = "grow";  ///< "grow": a poster grows taller; "pages": flows onto more pages (slides)
  std::string unit = "pt";    ///< "px": SVG sized in CSS pixels (1 px = 0.75 pt), for slides
  std::string orientation;    ///< "", "portrait" or "landscape": swaps width and height to match (see settle)
};

/// What the title block at the top of the first page shows, and the running header of later pages.
struct Header {
  bool title = true;
  bool subtitle = true;
  bool date = false;     ///< the document date under the subtitle
  bool running = false;  ///< on every page after the first: title and date in the top margin
};

/// What closes the document: the legend and numbered sources (on the last page), page numbers.
struct Footer {
  bool legend = true;
  bool sources = true;
  bool page_numbers = false;  ///< "2 / 5" in the bottom margin of every page of a paged document
};

struct Fonts {
  std::string family = "Noto Sans";
  double title = 26;        ///< pt
  double subtitle = 13;
  double label = 9.5;       ///< event titles; also the minimum legible size
  double date = 8;          ///< date line above each event title
  double tick = 8;
  double small = 7.5;       ///< legend, sources list
  bool title_bold = true;   ///< weight of the title
  bool label_bold = true;   ///< weight of event titles
};

struct Colors {
  std::string text = "#1d2433";
  std::string muted = "#5b6475";
  std::string axis = "#2e3440";
  std::string grid = "#d8dde6";
  std::string era = "#eef1f6";
  std::string era_text = "#5b6475";
  std::vector<std::string> palette = {"#1f5fa8", "#b3372f", "#2f7d4f", "#8a5a00",
                                      "#6a3d9a", "#00838f", "#ad1457", "#546e7a"};
};

struct Label {
  double max_width = 150;   ///< pt; titles wrap to this width before labels stack
  double padding = 4;       ///< pt of free space kept around every label
};

struct Axis {
  double line_width = 1.2;
  double marker_radius = 4;
  double break_gap = 26;    ///< pt between axis segments at a break
  std::string scale = "auto";  ///< "auto" (break long empty stretches) or "linear"
  std::string marker_shape = "circle";  ///< exact dates' markers: "circle" or "square" (approximate: diamond)
};

struct Layout {
  std::string orientation = "horizontal";  ///< "horizontal" (time runs right) or "vertical" (time runs down)
  std::string lanes = "none";  ///< "tracks": a swimlane per track with its header (horizontal); "none": one band
  std::string inset = "auto";  ///< "auto": a detail inset for a cluster a linear axis crushes (and any the input asks for); "none"
};

struct Style {
  std::string name = "default";
  Page page;
  Fonts fonts;
  Colors colors;
  Label label;
  Axis axis;
  Layout layout;
  Header header;
  Footer footer;
};

/// Applies what depends on several keys, once every override is in: page.orientation
/// turns the page (width and height swap) when it does not match.
void settle(Style& style);

}  // namespace chronicle::style
