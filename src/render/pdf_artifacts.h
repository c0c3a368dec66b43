#pragma once
// The chart's lines and marks as artifacts in a tagged PDF. Cairo 1.16 writes structure
// tags (H1, P, L, LI, Link) as marked content but leaves everything outside them unmarked,
// and its tag API breaks the file when asked for an "Artifact" tag. This pass rewrites
// Cairo's own output: in every page's content stream, each run of graphics objects outside
// any marked content (axis, ticks, leaders, markers, bands, tick labels) is wrapped in
// `/Artifact BMC ... EMC`, so a reader, screen reader or text extractor that follows the
// structure skips it. The structure tree, annotations and everything else stay as Cairo
// wrote them; offsets and the xref table are written anew.
#include <string>

namespace chronicle::render {

/// `pdf` (a PDF Cairo wrote) with its pages' untagged graphics marked as artifacts; the
/// input unchanged when it is not laid out as Cairo lays out its files (never a broken PDF).
std::string mark_pdf_artifacts(const std::string& pdf);

/// One content stream (uncompressed) with its untagged graphics objects wrapped in
/// `/Artifact BMC ... EMC`, nested with the marked content and q/Q around them; empty when
/// the stream holds what this pass does not read (an inline image).
std::string mark_content_artifacts(const std::string& content);

}  // namespace chronicle::render
