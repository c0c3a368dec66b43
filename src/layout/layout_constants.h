#pragma once
// The layout's fixed distances and shares, named once (pt unless said otherwise). Template
// keys set what a designer chooses; these are the geometry between them.
#include <cstddef>

namespace chronicle::layout::k {

// Page assembly.
constexpr double footer_gap = 22;        ///< between the chart and the footer
constexpr double header_gap = 16;        ///< under the title block
constexpr double max_page_side = 14400;  ///< 200 in: no PDF viewer opens a larger page
constexpr double fit_tolerance = 1.0;    ///< content this far past the page still fits (rounding)
constexpr std::size_t balanced_pages = 12;  ///< a document of at most this many pages shares events evenly

// Axis band.
constexpr double band_min_pad = 5;       ///< tick labels to the band's edges
constexpr double tick_width = 0.8;
constexpr const char* tick_alpha = "55";
constexpr double break_overhang = 3;     ///< a break mark past the band's edges
constexpr double axis_inset = 8;         ///< the axis starts this far right of the chart's left edge

// Labels.
constexpr double item_gap = 3;           ///< between the labels of one list
constexpr std::size_t list_min = 5;      ///< labels in one stretch of axis that become a list
constexpr double list_column_gap = 12;   ///< between the columns of a list
constexpr double list_rail = 5;          ///< a list of several columns: room for the rail across them (little padding)
constexpr double list_rail_offset = 2;   ///< else the rail this far outside the list, within its padding
constexpr double list_tick_clearance = 0.5;  ///< a rail's tick from its column's text
constexpr double list_share = 0.4;       ///< of a chart's room: a list taller spreads over columns
constexpr std::size_t list_min_rows = 2; ///< labels a column of a list holds before another column
constexpr double label_clearance = 4;    ///< a label from its marker's edge
constexpr double span_gap = 3;           ///< between span rows
constexpr double span_bar_pad = 4;       ///< a span bar's height beyond its line of text
constexpr double span_text_inset = 5;    ///< a label inside its bar, from the bar's start
constexpr double min_bar = 4;            ///< the shortest bar drawn

// Vertical orientation.
constexpr double column_gap = 36;        ///< from the axis band to the label column
constexpr double min_label_column = 80;
constexpr double span_lane_width = 5, span_lane_step = 7;
constexpr std::size_t max_span_lanes = 8;
constexpr double era_column_max = 110;   ///< the widest era title column
constexpr double column_axis_slack = 40; ///< the room a page offers its axis, less this

// Lanes.
constexpr double lane_pad = 8;           ///< above and below a lane's content
constexpr double lane_header_max = 140;  ///< the widest lane header column
constexpr double lane_axis_gap = 4;      ///< between the last lane and the axis band

// Eras.
constexpr double era_row_gap = 2, era_rows_pad = 6, era_title_gap = 8;

// Inset.
constexpr double inset_gap = 28;         ///< from the main chart to the inset's title (the guides run here)
constexpr std::size_t inset_min_events = 6, inset_run = 4;
constexpr double inset_crushed_share = 0.02;  ///< a run on less of the axis than this gets an inset
/// The detail inset as a fit freedom: the most events within this share of the timeline's
/// span, when at least detail_cluster_min of them.
constexpr double detail_cluster_share = 0.02;
constexpr std::size_t detail_cluster_min = 8;

}  // namespace chronicle::layout::k
