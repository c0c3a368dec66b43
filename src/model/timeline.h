#pragma once
// The model stage gives input its meaning: dates become intervals with a precision,
// ids are checked and generated, references resolve, events are sorted by time.
// A Timeline is plain data that layout reads; it knows no file format.
#include <optional>
#include <string>
#include <vector>

#include "model/date/date_value.h"
#include "support/diagnostics.h"

namespace chronicle::model {

struct Source {
  std::string id;
  std::string title;
  std::string url;
  bool linkable = false;  ///< an http, https or mailto URL: drawn as a link (others as text only)
  std::optional<DateValue> published;
  int number = 0;  ///< 1-based reference number, in order of first citation
};

struct Track {
  std::string id;
  std::string title;
  std::string color;  ///< "#rrggbb", or "" for the template's palette
};

struct Era {
  std::string title;
  DateValue start, end;
  int track = -1;  ///< index into Timeline::tracks, -1 for all
};

/// What one or more sources say about when an event happened.
struct Claim {
  DateValue start;
  std::optional<DateValue> end;
  std::vector<int> sources;  ///< indices into Timeline::sources
  std::string file;          ///< the input file that made the claim
};

struct Event {
  std::string id;
  std::string title;
  std::string description;
  DateValue start;
  std::optional<DateValue> end;  ///< set for spans
  int track = -1;                ///< index into Timeline::tracks, -1 for none
  std::vector<std::string> tags;
  std::vector<int> sources;      ///< indices into Timeline::sources
  std::string pointer;           ///< JSON pointer of the event in its input file
  std::string date_label;        ///< shown instead of the computed date label when set
  std::vector<Claim> claims;     ///< every claim about its date; start/end are the best of them
  bool disputed = false;         ///< the claims disagree: the poster marks the event
  bool milestone = false;        ///< a moment that matters most: a larger ringed marker, a bold title

  bool is_span() const { return end.has_value(); }
  /// The time the event is anchored at: the middle of its date, or the start of a span.
  Seconds anchor() const { return is_span() ? start.from : start.middle(); }
  /// The whole interval the event covers.
  Seconds first() const { return start.from; }
  Seconds last() const { return end ? end->to : start.to; }
};

/// A stretch of time to show again under the main axis, zoomed (a detail inset).
struct Inset {
  std::string title;
  DateValue start, end;
};

struct Timeline {
  std::string title;
  std::string subtitle;
  std::string author;
  std::string date;           ///< the document's date as shown ("15 Nov 2024"): set by the cli, never the clock
  std::string orientation;    ///< "", "horizontal" or "vertical": the input's wish
  std::vector<std::string> keywords;  ///< the input's keywords, else every tag in order of first use
  std::vector<Event> events;  ///< sorted by anchor(), then input order
  std::vector<Track> tracks;
  std::vector<Era> eras;
  std::vector<Source> sources;
  std::vector<Inset> insets;  ///< asked for by the input; layout may choose one itself
};

}  // namespace chronicle::model
