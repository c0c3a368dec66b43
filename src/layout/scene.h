#pragma once
// Scene: the layout's result as plain data. Render draws exactly this; --dump-layout
// writes it as JSON; tests assert on it. Coordinates are pt, y downwards from the
// page's top-left corner.
#include <cstdint>
#include <string>
#include <vector>

namespace chronicle::layout {

struct Box {
  double x = 0, y = 0, w = 0, h = 0;
  double right() const { return x + w; }
  double bottom() const { return y + h; }
  bool intersects(const Box& o, double tolerance = 0.01) const {
    return x < o.right() - tolerance && o.x < right() - tolerance && y < o.bottom() - tolerance &&
           o.y < bottom() - tolerance;
  }
  bool inside(const Box& o, double tolerance = 0.01) const {
    return x >= o.x - tolerance && y >= o.y - tolerance && right() <= o.right() + tolerance &&
           bottom() <= o.bottom() + tolerance;
  }
};

struct Point {
  double x = 0, y = 0;
};

struct Font {
  std::string family = "Noto Sans";
  double size = 10;  ///< pt
  bool bold = false;
  bool italic = false;
};

/// One line of text as layout measured it; render draws it at (x, y) = top-left of the
/// line's logical box, never re-wrapping.
/// Part of a line that links to a destination in the document: the bytes [from, to) of
/// its text ("2" of "2015  [1,2]") go to `dest` ("source-2").
struct TextLink {
  std::size_t from = 0, to = 0;
  std::string dest;
};

struct TextLine {
  std::string text;
  double x = 0, y = 0, width = 0, height = 0;
  Font font;
  std::string color = "#000000";
  std::string link;               ///< URL this line links to, or ""
  std::vector<TextLink> links;    ///< parts that link within the document (a PDF's references)
  std::vector<std::string> anchors;  ///< destinations other lines link to ("source-2", "cite-2")
};

enum class ItemKind {
  Title, Subtitle, Era, EraLabel, Axis, AxisBreak, Tick, TickLabel, Precision, Bar,
  Marker, Leader, Label, Legend, Sources, RunningHeader, PageNumber, Lane, LaneHeader, LaneLine,
  InsetWindow, Guide, Overview, OverviewWindow
};

const char* item_kind_name(ItemKind k);

enum class MarkerShape { Circle, Diamond, Square };
/// A milestone's marker is this many times the size of an ordinary one (on the chart and
/// as the legend's key).
constexpr double milestone_marker_scale = 1.5;

struct Item {
  explicit Item(ItemKind k = ItemKind::Label) : kind(k) {}
  ItemKind kind;
  std::string event;            ///< event id, or "" (null in JSON)
  Box box;                      ///< bounding box of everything the item draws
  std::string text;             ///< the item's main text (event title for labels)
  std::vector<TextLine> lines;  ///< text to draw
  std::vector<Point> points;    ///< polyline for lines (axis, ticks, leaders, breaks)
  std::string fill;             ///< "" for none
  std::string stroke;           ///< "" for none
  double line_width = 0;
  MarkerShape shape = MarkerShape::Circle;
  int segment = -1;             ///< axis segment, -1 when not on the axis
  Point anchor;                 ///< labels: where the event sits on the axis
  int page = 0;                 ///< 0-based page (slide) the item is on
  bool inset = false;           ///< part of a detail inset (a zoomed axis under the main one)
  bool milestone = false;       ///< a milestone's marker (drawn ringed) or label, or its legend key
};

/// Document facts render writes as metadata.
struct SceneInfo {
  std::string title;
  std::string subtitle;
  std::string author;
  std::string keywords;
};

/// A PDF bookmark: a title and the point of the page it opens at.
struct OutlineEntry {
  std::string title;
  int parent = -1;  ///< index of the parent entry, -1 at the top
  double x = 0, y = 0;
  int page = 0;
};

/// The size of one page, in pt; `unit` says how an SVG of it is sized ("pt", or "px" at
/// 1 px = 0.75 pt, for slides).
struct PageSize {
  double width = 0, height = 0;
  std::string unit = "pt";
  std::int64_t from = 0, to = 0;  ///< the stretch of time its events cover (model::Seconds); from == to: unknown
};

/// How the layout fitted the page: the type scale it used (of the template's sizes), the
/// axis scale, and whether the page had to grow (and why).
struct FitInfo {
  double type_scale = 1;
  std::string scale = "auto";
  bool grew = false;
  std::string reason;
  int crossings = 0;  ///< leaders that had to cross a label (a layout with any does not fit)
  double needed = 0;  ///< the height the page's content needs (pt; the search's measure, not dumped)
};

struct Scene {
  double width = 0, height = 0;  ///< pt: the first page (every page, for a one-page poster)
  std::vector<PageSize> pages;   ///< every page; empty means one page of width x height
  std::string orientation = "horizontal";  ///< or "vertical"
  std::string background = "#ffffff";
  std::vector<Item> items;       ///< in drawing order
  SceneInfo info;
  std::vector<OutlineEntry> outline;  ///< by track, then event, in time order
  FitInfo fit;

  int page_count() const { return pages.empty() ? 1 : int(pages.size()); }
  PageSize page_size(int page) const {
    if (pages.empty()) return {width, height, "pt"};
    return pages[std::size_t(page)];
  }
};

/// The items of page `page`: a range of `scene.items`, found by binary search (items are
/// laid out page after page; check_invariants() checks it).
std::pair<const Item*, const Item*> page_items(const Scene& scene, int page);

/// The event labels of page `page` in reading order: along the axis (by where each event
/// sits on it: x, then y; y, then x on a vertical layout), so in time order. What a PDF's
/// structure, an SVG's text layer and every format's draw order follow.
std::vector<const Item*> labels_in_time_order(const Scene& scene, int page);

}  // namespace chronicle::layout
