// The real binary, as a user runs it: every sample in every format checked with
// independent tools (pdftotext, xmllint), exit codes, the error corpus, untouched outputs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "e2e_helpers.h"

namespace {

/// Text with its white space collapsed, and without hyphens: pdftotext joins a line that
/// breaks after a hyphen ("off-by-" / "one") with the hyphen dropped.
std::string collapse(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '-') continue;
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<fs::path> samples() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(src / "samples"))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::pair<unsigned, unsigned> png_size(const std::string& bytes) {
  REQUIRE(bytes.size() > 24);
  REQUIRE(bytes.substr(1, 3) == "PNG");
  REQUIRE(bytes.substr(12, 4) == "IHDR");
  auto be32 = [&](std::size_t at) {
    return (unsigned(static_cast<unsigned char>(bytes[at])) << 24) | (unsigned(static_cast<unsigned char>(bytes[at + 1])) << 16) |
           (unsigned(static_cast<unsigned char>(bytes[at + 2])) << 8) | unsigned(static_cast<unsigned char>(bytes[at + 3]));
  };
  return {be32(16), be32(20)};
}

}  // namespace

TEST_CASE("every sample renders to SVG, PDF and PNG, checked by independent tools") {
  const fs::path dir = tmp / "e2e";
  fs::create_directories(dir);
  for (const auto& sample : samples()) {
    const std::string name = sample.stem().string();
    INFO(name);
    const fs::path svg = dir / (name + ".svg"), pdf = dir / (name + ".pdf"), png = dir / (name + ".png"),
                   layout = dir / (name + ".layout.json");
    Run r = run(bin + " render '" + sample.string() + "' -o '" + svg.string() + "' -o '" + pdf.string() + "' -o '" +
                    png.string() + "' --dump-layout '" + layout.string() + "'",
                name);
    INFO(r.err);
    REQUIRE(r.exit == 0);
    auto input = nlohmann::json::parse(slurp(sample));
    auto scene = nlohmann::json::parse(slurp(layout));
    const double w = scene["page"]["width"].get<double>(), h = scene["page"]["height"].get<double>();
    CHECK(scene["page"]["unit"] == "pt");

    // PDF: pdftotext recovers every event title.
    Run text = run("pdftotext -enc UTF-8 '" + pdf.string() + "' -", name + "-pdftotext");
    REQUIRE(text.exit == 0);
    // Every title whole, mixed-direction ones too ("Araghchi (عباس عراقچی) meets": brackets
    // and spaces where they belong), once the invisible direction marks are left out.
    std::string plain;
    for (std::size_t k = 0; k < text.out.size(); ++k) {
      const auto b = [&](std::size_t at) { return static_cast<unsigned char>(text.out[at]); };
      if (k + 2 < text.out.size() && b(k) == 0xE2 && b(k + 1) == 0x80 &&
          (b(k + 2) == 0x8E || b(k + 2) == 0x8F || (b(k + 2) >= 0xAA && b(k + 2) <= 0xAE))) {
        k += 2;  // LRM, RLM, LRE, RLE, PDF, LRO, RLO
        continue;
      }
      plain += text.out[k];
    }
    const std::string all = collapse(plain);
    for (const auto& e : input["events"]) {
      const std::string title = collapse(e["title"].get<std::string>());
      INFO(title);
      CHECK(all.find(title) != std::string::npos);
    }

    // SVG: well-formed XML with a viewBox of the page size.
    Run xml = run("xmllint --noout '" + svg.string() + "'", name + "-xmllint");
    CHECK(xml.exit == 0);
    const std::string svg_text = slurp(svg);
    char view_box[128];
    std::snprintf(view_box, sizeof view_box, "viewBox=\"0 0 %g %g\"", w, h);
    CHECK(svg_text.find("viewBox=\"0 0 ") != std::string::npos);
    CHECK(svg_text.find("width=\"" + std::to_string(int(w))) != std::string::npos);

    // PNG: the size the page and --dpi (144 by default) give.
    auto [pw, ph] = png_size(slurp(png));
    CHECK(pw == unsigned(std::ceil(w * 2)));
    CHECK(ph == unsigned(std::ceil(h * 2)));

    // Every event has a label item carrying its id.
    for (const auto& e : input["events"]) {
      if (!e.contains("id")) continue;
      bool found = false;
      for (const auto& it : scene["items"]) found = found || (it["kind"] == "label" && it["event"] == e["id"]);
      CHECK(found);
    }
  }
}

TEST_CASE("independent validators accept every sample in every format") {
  const fs::path dir = tmp / "validators";
  fs::create_directories(dir);
  for (const auto& sample : samples()) {
    const std::string name = sample.stem().string();
    INFO(name);
    const fs::path svg = dir / (name + ".svg"), pdf = dir / (name + ".pdf"), png = dir / (name + ".png");
    REQUIRE(run(bin + " render '" + sample.string() + "' -o '" + svg.string() + "' -o '" + pdf.string() + "' -o '" +
                    png.string() + "'",
                "v-" + name)
                .exit == 0);
    Run q = run("qpdf --check '" + pdf.string() + "'", "qpdf-" + name);
    INFO(q.out << q.err);
    CHECK(q.exit == 0);
    CHECK(q.out.find("No syntax or stream encoding errors found") != std::string::npos);
    Run fonts = run("pdffonts '" + pdf.string() + "'", "pdffonts-" + name);
    CHECK(fonts.exit == 0);
    std::istringstream lines(fonts.out);
    std::string line;
    int font_rows = 0;
    while (std::getline(lines, line)) {
      if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0) continue;
      ++font_rows;
      INFO(line);
      CHECK(line.find(" yes yes ") != std::string::npos);  // emb, sub
    }
    CHECK(font_rows > 0);
    const fs::path back = dir / (name + ".rsvg.png");
    Run rsvg = run("rsvg-convert '" + svg.string() + "' -o '" + back.string() + "'", "rsvg-" + name);
    CHECK(rsvg.exit == 0);
    CHECK(fs::file_size(back) > 1000);
    Run pc = run("pngcheck '" + png.string() + "'", "pngcheck-" + name);
    INFO(pc.out);
    CHECK(pc.exit == 0);
    auto [w, h] = png_size(slurp(png));
    CHECK(pc.out.find("(" + std::to_string(w) + "x" + std::to_string(h) + ",") != std::string::npos);
  }
}

TEST_CASE("PDF metadata, links and outline, read back with qpdf and pdfinfo") {
  const fs::path dir = tmp / "pdf-features";
  fs::create_directories(dir);
  spit(dir / "in.json", R"({"title": "Links", "subtitle": "About", "author": "Desk", "keywords": ["iran", "diplomacy"],
    "tracks": [{"id": "us", "title": "United States"}],
    "sources": [{"id": "s", "title": "A report", "url": "https://example.org/report?id=1"}],
    "events": [{"title": "First event", "date": "2015", "track": "us", "sources": ["s"]},
               {"title": "Second event", "date": "2016"}]})");
  const fs::path pdf = dir / "out.pdf";
  REQUIRE(run(bin + " render '" + (dir / "in.json").string() + "' -o '" + pdf.string() + "'", "pdf-features").exit == 0);
  Run info = run("pdfinfo '" + pdf.string() + "'", "pdfinfo");
  CHECK(info.out.find("Title:           Links") != std::string::npos);
  CHECK(info.out.find("Subject:         About") != std::string::npos);
  CHECK(info.out.find("Author:          Desk") != std::string::npos);
  CHECK(info.out.find("Keywords:        iran, diplomacy") != std::string::npos);
  CHECK(info.out.find("Creator:         chronicle ") != std::string::npos);
  Run outline = run("qpdf --json --json-key=outlines '" + pdf.string() + "'", "outline");
  auto o = nlohmann::json::parse(outline.out);
  REQUIRE(o["outlines"].size() == 2);  // the track, then the events on no track
  CHECK(o["outlines"][0]["title"] == "United States");
  CHECK(o["outlines"][0]["kids"][0]["title"] == "2015 — First event");
  CHECK(o["outlines"][1]["kids"][0]["title"] == "2016 — Second event");
  Run check = run("qpdf --check '" + pdf.string() + "'", "qpdf-links");
  CHECK(check.exit == 0);  // Cairo 1.16 broke the xref of PDFs with links; see render.cpp
  const fs::path qdf = dir / "out.qdf.pdf";
  REQUIRE(run("qpdf --qdf --object-streams=disable '" + pdf.string() + "' '" + qdf.string() + "'", "qdf").exit == 0);
  const std::string objects = slurp(qdf);
  CHECK(objects.find("/URI (https://example.org/report?id=1)") != std::string::npos);
  CHECK(objects.find("/Subtype /Link") != std::string::npos);
}

TEST_CASE("PDF text is placed where the font puts its glyphs: kerning only, no offset per glyph") {
  // Glyph positions rounded to whole points would give nearly every glyph of a TJ array a
  // correction number; unrounded, only kerning pairs get one.
  const fs::path dir = tmp / "pdf-text";
  fs::create_directories(dir);
  const fs::path pdf = dir / "apollo.pdf", qdf = dir / "apollo.qdf.pdf";
  REQUIRE(run(bin + " render samples/apollo-11-landing.json -o '" + pdf.string() + "'", "pdf-text").exit == 0);
  REQUIRE(run("qpdf --qdf --object-streams=disable '" + pdf.string() + "' '" + qdf.string() + "'", "pdf-text-qdf").exit == 0);
  const std::string content = slurp(qdf);
  std::size_t chars = 0, corrections = 0;
  for (std::size_t at = content.find('['); at != std::string::npos; at = content.find('[', at + 1)) {
    const std::size_t end = content.find(']', at);
    if (end == std::string::npos || content.compare(end + 1, 2, "TJ") != 0) continue;
    bool in_string = false;
    for (std::size_t i = at + 1; i < end; ++i) {
      const char c = content[i];
      if (in_string) {
        if (c == '\\') ++i;
        else if (c == ')') in_string = false;
        ++chars;
      } else if (c == '(') {
        in_string = true;
      } else if ((c == '-' || std::isdigit(static_cast<unsigned char>(c))) &&
                 !std::isdigit(static_cast<unsigned char>(content[i - 1])) && content[i - 1] != '.' && content[i - 1] != '-') {
        ++corrections;  // the first character of a number between strings
      }
    }
  }
  INFO(chars << " characters in TJ arrays, " << corrections << " position corrections");
  CHECK(chars > 200);
  CHECK(corrections * 5 < chars);
}

TEST_CASE("normalize writes the model, render reads it back to the same poster") {
  const fs::path dir = tmp / "normalize";
  fs::create_directories(dir);
  for (const auto& sample : samples()) {
    const std::string name = sample.stem().string();
    INFO(name);
    const fs::path m1 = dir / (name + ".model.json"), m2 = dir / (name + ".model2.json");
    REQUIRE(run(bin + " normalize '" + sample.string() + "' -o '" + m1.string() + "'", "n1-" + name).exit == 0);
    REQUIRE(run(bin + " normalize '" + m1.string() + "' -o '" + m2.string() + "'", "n2-" + name).exit == 0);
    CHECK(slurp(m1) == slurp(m2));  // a fixed point: canonical
    auto model = nlohmann::json::parse(slurp(m1));
    CHECK(model["chronicle"] == "model/1");
    for (const auto& e : model["events"]) {
      const auto& d = e.contains("date") ? e["date"] : e["start"];
      CHECK(d.contains("from"));
      CHECK(d.contains("to"));
      CHECK(d.contains("precision"));
    }
    const fs::path a = dir / (name + ".a.svg"), b = dir / (name + ".b.svg");
    REQUIRE(run(bin + " render '" + sample.string() + "' -o '" + a.string() + "'", "na-" + name).exit == 0);
    REQUIRE(run(bin + " render '" + m1.string() + "' -o '" + b.string() + "'", "nb-" + name).exit == 0);
    CHECK(slurp(a) == slurp(b));
    Run schema = run("/usr/bin/python3 tests/schema/validate.py . '" + m1.string() + "'", "nschema-" + name);
    INFO(schema.out);
    CHECK(schema.exit == 0);
  }
}

TEST_CASE("TimelineJS JSON is imported as it is") {
  const fs::path dir = tmp / "timelinejs";
  fs::create_directories(dir);
  const fs::path svg = dir / "t.svg", model = dir / "t.model.json";
  Run r = run(bin + " render tests/import/timelinejs.json -o '" + svg.string() + "'", "tljs");
  CHECK(r.exit == 0);
  CHECK(r.err == "tests/import/timelinejs.json:9:6: warning: media (images, video) are not drawn on posters; ignored "
                 "(at /events/1/media)\n");
  REQUIRE(run(bin + " normalize tests/import/timelinejs.json -o '" + model.string() + "'", "tljs-n").exit == 0);
  auto m = nlohmann::json::parse(slurp(model));
  CHECK(m["title"] == "Apollo programme");  // HTML dropped
  CHECK(m["subtitle"] == "Selected missions & milestones");
  REQUIRE(m["tracks"].size() == 2);  // groups become tracks, in order of first use
  CHECK(m["tracks"][0]["id"] == "Politics");
  const auto& events = m["events"];
  REQUIRE(events.size() == 5);
  CHECK(events[1]["id"] == "kennedy-speech");
  CHECK(events[1]["date"]["precision"] == "day");
  CHECK(events[2]["date"]["from"] == "1967-01-27T23:31:00Z");
  CHECK(events[2]["date"]["precision"] == "minute");
  CHECK(events[3]["end"]["to"] == "1969-07-25T00:00:00Z");
  CHECK(events[0]["date"]["from"] == "-0499-01-01T00:00:00Z");  // TimelineJS -500 is 500 BCE (its tests): astronomical -499
  CHECK(m["eras"][0]["title"] == "Apollo era");
  Run bad = run(bin + " render tests/import/timelinejs-bad.json -o '" + svg.string() + "'", "tljs-bad");
  CHECK(bad.exit == 1);
  CHECK(bad.err == "tests/import/timelinejs-bad.json:2:45: error: invalid date '2015-13': month 13 is not between 01 "
                   "and 12 (at /events/0/start_date)\n");
}

TEST_CASE("the same input gives the same bytes in every format") {
  const fs::path dir = tmp / "repro";
  fs::create_directories(dir);
  const std::string sample = (src / "samples" / "us-iran.json").string();
  for (const char* ext : {"svg", "pdf", "png"}) {
    const fs::path a = dir / (std::string("a.") + ext), b = dir / (std::string("b.") + ext);
    REQUIRE(run(bin + " render '" + sample + "' -o '" + a.string() + "'", "repro-a").exit == 0);
    REQUIRE(run(bin + " render '" + sample + "' -o '" + b.string() + "'", "repro-b").exit == 0);
    INFO(ext);
    CHECK(slurp(a) == slurp(b));
  }
  // Also within one process: the second of two identical outputs is the same.
  const fs::path c = dir / "c.svg", d = dir / "d.svg";
  REQUIRE(run(bin + " render '" + sample + "' -o '" + c.string() + "' -o '" + d.string() + "'", "repro-cd").exit == 0);
  CHECK(slurp(c) == slurp(d));
}

TEST_CASE("check validates without rendering") {
  for (const auto& sample : samples()) {
    Run r = run(bin + " check '" + sample.string() + "'", "check");
    INFO(r.err);
    CHECK(r.exit == 0);
    CHECK(r.out.find(": ok: ") != std::string::npos);
  }
  Run bad = run(bin + " check tests/errors/invalid-date.json", "check-bad");
  CHECK(bad.exit == 1);
}

TEST_CASE("help, version and usage errors") {
  Run help = run(bin + " --help", "help");
  CHECK(help.exit == 0);
  CHECK(help.out.find("Exit codes:") != std::string::npos);
  CHECK(help.out.find("render") != std::string::npos);
  Run rhelp = run(bin + " render --help", "render-help");
  CHECK(rhelp.exit == 0);
  CHECK(rhelp.out.find("--dump-layout") != std::string::npos);
  Run version = run(bin + " --version", "version");
  CHECK(version.exit == 0);
  CHECK(version.out.find("chronicle ") == 0);
  CHECK(run(bin, "no-args").exit == 2);
  CHECK(run(bin + " render samples/us-iran.json --frobnicate", "unknown-flag").exit == 2);
  Run ext = run(bin + " render samples/us-iran.json -o x.jpg", "bad-ext");
  CHECK(ext.exit == 2);
  CHECK(ext.err == "chronicle: error: cannot tell the format of 'x.jpg': name it .svg, .pdf or .png, or give --format\n");
  CHECK(run(bin + " render samples/us-iran.json", "no-output").exit == 2);
}

TEST_CASE("templates lists the templates, --template takes a name or a path") {
  Run list = run(bin + " templates", "templates");
  CHECK(list.exit == 0);
  // One line a template, each name at the start of its line.
  for (const char* name : {"briefing-a4", "briefing-letter", "default", "poster-a1", "poster-a2", "slide-16x9",
                           "slide-16x9-dark"})
    CHECK(("\n" + list.out).find("\n" + std::string(name) + " ") != std::string::npos);
  CHECK(std::count(list.out.begin(), list.out.end(), '\n') == 7);
  const fs::path out = tmp / "template-path.svg";
  CHECK(run(bin + " render samples/us-iran.json --template templates/default.json -o '" + out.string() + "'",
            "template-path").exit == 0);
  Run missing = run(bin + " render samples/us-iran.json --template nosuch -o '" + out.string() + "'", "template-missing");
  CHECK(missing.exit == 1);
  CHECK(missing.err == "chronicle: error: template 'nosuch' not found (see 'chronicle templates')\n");
}

TEST_CASE("I/O failures exit 3") {
  Run missing = run(bin + " render no/such/file.json -o /tmp/x.svg", "missing");
  CHECK(missing.exit == 3);
  CHECK(missing.err == "chronicle: error: cannot read 'no/such/file.json': No such file or directory\n");
  Run nodir = run(bin + " render samples/us-iran.json -o /nonexistent-dir/x.svg", "nodir");
  CHECK(nodir.exit == 3);
  CHECK(nodir.err.find("cannot write '/nonexistent-dir/x.svg'") != std::string::npos);
  Run isdir = run(bin + " render samples/us-iran.json -o '" + tmp.string() + "'/", "isdir");
  CHECK(isdir.exit == 2);  // a directory has no extension to tell a format
  fs::create_directories(tmp / "dir.svg");
  Run dir_svg = run(bin + " render samples/us-iran.json -o '" + (tmp / "dir.svg").string() + "'", "dir-svg");
  CHECK(dir_svg.exit == 3);
  CHECK(dir_svg.err.find("it is a directory") != std::string::npos);
  Run full = run(bin + " render samples/us-iran.json -o /dev/full --format svg", "dev-full");
  CHECK(full.exit == 3);
  CHECK(full.err == "chronicle: error: cannot write '/dev/full': No space left on device\n");
  // An unwritable folder (as root, the render runs as nobody: root may write anywhere).
  const fs::path ro = tmp / "read-only";
  fs::create_directories(ro);
  spit(ro / "old.svg", "previous poster");
  fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                          fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  fs::permissions(tmp, fs::perms::others_exec | fs::perms::group_exec, fs::perm_options::add);
  const std::string as_user = geteuid() == 0 ? "setpriv --reuid=nobody --regid=nogroup --clear-groups " : "";
  Run unwritable = run(as_user + bin + " render samples/us-iran.json -o '" + (ro / "old.svg").string() + "'", "ro");
  CHECK(unwritable.exit == 3);
  CHECK(unwritable.err.find("Permission denied") != std::string::npos);
  CHECK(slurp(ro / "old.svg") == "previous poster");
}

/// Runs `args` under GNU time; returns the peak resident memory in MB (or -1).
double peak_mb(const std::string& args, const std::string& name, Run& r, const std::string& cwd = "") {
  const fs::path m = tmp / "runs" / (name + ".mem");
  r = run((cwd.empty() ? "" : "cd '" + cwd + "' && ") + "/usr/bin/time -f %M -o '" + m.string() + "' " + args, name);
  std::string kb = slurp(m);
  try {
    return std::stod(kb.substr(kb.find_last_of('\n', kb.size() - 2) + 1)) / 1024;
  } catch (...) {
    return -1;
  }
}

#ifdef CHRONICLE_SANITIZED
constexpr double memory_bound_mb = 1e9;  // sanitizers use memory of their own
#else
constexpr double memory_bound_mb = 400;  // README, "Limits"
#endif

TEST_CASE("the error corpus gives the documented message and exit code") {
  // tests/errors/NAME.expected: "exit N", optional "input: PATH" and "args: ...", then the
  // exact standard error. The input is NAME.* beside it unless "input:" says otherwise.
  int cases = 0;
  for (const auto& e : fs::directory_iterator(src / "tests" / "errors")) {
    if (e.path().extension() != ".expected") continue;
    ++cases;
    const std::string name = e.path().stem().string();
    std::istringstream expected(slurp(e.path()));
    std::string line, input, args;
    int code = -1;
    std::string message;
    while (std::getline(expected, line)) {
      if (line.rfind("exit ", 0) == 0 && code < 0) code = std::stoi(line.substr(5));
      else if (line.rfind("input: ", 0) == 0 && message.empty()) input = line.substr(7);
      else if (line.rfind("args: ", 0) == 0 && message.empty()) args = line.substr(6);
      else message += line + "\n";
    }
    if (input.empty())
      for (const auto& f : fs::directory_iterator(src / "tests" / "errors"))
        if (f.path().stem() == name && f.path().extension() != ".expected")
          input = "tests/errors/" + f.path().filename().string();
    REQUIRE_FALSE(input.empty());
    const fs::path out = tmp / "corpus" / (name + ".svg");
    fs::create_directories(out.parent_path());
    spit(out, "previous poster");
    Run r;
    double mb = peak_mb(bin + " render " + input + " " + args + " -o '" + out.string() + "'", name, r);
    INFO(name);
    CHECK(r.exit == code);
    CHECK(r.err == message);
    CHECK(slurp(out) == "previous poster");
    CHECK(mb < memory_bound_mb);
  }
  CHECK(cases >= 20);
}

TEST_CASE("inputs past the limits: one-line errors, bounded memory, no output") {
  const fs::path dir = tmp / "limits";
  fs::create_directories(dir);
  struct Case {
    std::string name, text, message;
  };
  std::vector<Case> cases;
  cases.push_back({"deep", std::string(100000, '['),
                   "deep.json:1:257: error: JSON nested deeper than 256 levels\n"});
  {
    std::string t = "{\"events\": [{\"date\": \"2015\", \"title\": \"";
    t.append(100u << 20, 'x');
    t += "\"}]}";
    cases.push_back({"huge-title", t, "huge-title.json: error: the file is larger than 16 MiB, the most chronicle reads\n"});
  }
  {
    std::string t = "{\"events\": [";
    for (int i = 0; i < 1000000; ++i) t += std::string(i ? "," : "") + "{\"title\":\"e\",\"date\":\"2015\"}";
    t += "]}";
    cases.push_back({"million-events", t,
                     "million-events.json: error: the file is larger than 16 MiB, the most chronicle reads\n"});
  }
  {
    std::string t = "{\"events\": [";
    for (int i = 0; i < 100001; ++i) t += std::string(i ? "," : "") + "{\"title\":\"e\",\"date\":\"2015\"}";
    t += "]}";
    cases.push_back({"too-many-events", t,
                     "too-many-events.json:1:2800013: error: too many events: 100001; the limit is 100000 per file "
                     "(at /events/100000)\n"});
  }
  for (const auto& c : cases) {
    INFO(c.name);
    spit(dir / (c.name + ".json"), c.text);
    spit(dir / (c.name + ".svg"), "old");
    Run r;
    double mb = peak_mb(bin + " render " + c.name + ".json -o " + c.name + ".svg", c.name, r, dir.string());
    CHECK(r.exit == 1);
    CHECK(r.err == c.message);
    CHECK(slurp(dir / (c.name + ".svg")) == "old");
    CHECK(mb < memory_bound_mb);
  }
}

TEST_CASE("bad input leaves existing outputs untouched and no temporary files") {
  const fs::path dir = tmp / "untouched";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* ext : {"svg", "pdf", "png"}) spit(dir / (std::string("old.") + ext), "previous poster");
  Run r = run(bin + " render tests/errors/invalid-date.json -o '" + (dir / "old.svg").string() + "' -o '" +
                  (dir / "old.pdf").string() + "' -o '" + (dir / "old.png").string() + "'",
              "untouched");
  CHECK(r.exit == 1);
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    ++files;
    CHECK(slurp(e.path()) == "previous poster");
  }
  CHECK(files == 3);
  Run t = run(bin + " render samples/us-iran.json --template nosuch -o '" + (dir / "old.svg").string() + "'", "untouched-t");
  CHECK(t.exit == 1);
  CHECK(slurp(dir / "old.svg") == "previous poster");
}

TEST_CASE("review findings: SOURCE_DATE_EPOCH, standard output, {name}, --dpi, relative extends") {
  const fs::path dir = tmp / "review";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string out = (dir / "x.pdf").string();
  // A malformed SOURCE_DATE_EPOCH is a usage error (reproducible-builds), not "1 Jan 1970".
  for (const char* bad : {"abc", "1e9", "-5", " 12"}) {
    Run r = run(std::string("SOURCE_DATE_EPOCH='") + bad + "' " + bin + " render samples/us-iran.json -o '" + out + "'",
                "sde-bad");
    INFO(bad);
    CHECK(r.exit == 2);
    CHECK(r.err.find("SOURCE_DATE_EPOCH=") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
  }
  CHECK(run("SOURCE_DATE_EPOCH=1731628800 " + bin + " render samples/us-iran.json -o '" + out + "'", "sde-good").exit == 0);
  // Writes to standard output are checked: a full device is exit 3, not an empty success.
  for (const char* command : {"normalize", "check"}) {
    Run r = run("sh -c '" + bin + " " + command + " samples/us-iran.json > /dev/full'", std::string("full-") + command);
    INFO(command);
    CHECK(r.exit == 3);
    CHECK(r.err.find("No space left on device") != std::string::npos);
  }
  // {name} is substituted once: an input named "{name}.json" does not loop.
  fs::copy_file(src / "samples" / "us-iran.json", dir / "{name}.json");
  Run named = run("cd '" + dir.string() + "' && timeout 20 " + bin + " render '{name}.json' -o 'out-{name}.svg'", "name-loop");
  CHECK(named.exit == 0);
  CHECK(fs::exists(dir / "out-{name}.svg"));
  // --dpi nan passes a range check by comparing false both ways: refused.
  Run nan = run(bin + " render samples/us-iran.json -o '" + (dir / "x.png").string() + "' --dpi nan", "dpi-nan");
  CHECK(nan.exit == 2);
  CHECK_FALSE(fs::exists(dir / "x.png"));
  // A relative "extends" path is read from the extending template's folder, wherever the command runs.
  fs::create_directories(dir / "tpl");
  spit(dir / "tpl" / "base.json", R"({"page": {"width": 500, "height": 400}})");
  spit(dir / "tpl" / "mine.json", R"({"extends": "./base.json", "font": {"label": 12}})");
  Run ext = run(bin + " render samples/us-iran.json -t '" + (dir / "tpl" / "mine.json").string() + "' --dump-layout '" +
                    (dir / "ext.json").string() + "'",
                "extends-relative");
  CHECK(ext.exit == 0);
  CHECK(slurp(dir / "ext.json").find("\"width\": 500") != std::string::npos);
}

TEST_CASE("review findings: link injection, link schemes") {
  // A source URL with an unbalanced ')' must not end Cairo's PDF string and add /JavaScript;
  // javascript: and file: URLs are shown as text, with a located warning, never linked.
  const fs::path dir = tmp / "links";
  fs::create_directories(dir);
  spit(dir / "inj.json", R"json({"title": "t", "sources": [
  {"id": "a", "title": "Evil", "url": "https://example.org/a) /S /JavaScript /JS (app.alert(1)"},
  {"id": "b", "title": "Script", "url": "javascript:alert(1)"},
  {"id": "c", "title": "File", "url": "file:///etc/passwd"},
  {"id": "d", "title": "Mail", "url": "mailto:desk@example.org"}],
 "events": [{"title": "x", "date": "2015", "sources": ["a", "b", "c", "d"]}]})json");
  const fs::path pdf = dir / "inj.pdf", qdf = dir / "inj.qdf.pdf";
  Run r = run(bin + " render '" + (dir / "inj.json").string() + "' -o '" + pdf.string() + "'", "links");
  REQUIRE(r.exit == 0);
  CHECK(r.err.find(":3:41: warning: source 'b': only http, https and mailto URLs become links; 'javascript:alert(1)' is "
                   "shown as text (at /sources/1/url)") != std::string::npos);
  CHECK(r.err.find("source 'c': only http, https and mailto URLs become links") != std::string::npos);
  REQUIRE(run("qpdf --qdf --object-streams=disable '" + pdf.string() + "' '" + qdf.string() + "'", "links-qdf").exit == 0);
  const std::string body = slurp(qdf);
  CHECK(body.find("/URI (https://example.org/a%29%20/S%20/JavaScript%20/JS%20%28app.alert%281%29)") != std::string::npos);
  CHECK(body.find("/URI (mailto:desk@example.org)") != std::string::npos);
  // (qpdf's QDF form puts each dictionary entry on a line of its own; the drawn text holds
  // the URL too, escaped inside a string: only an entry would be an action.)
  CHECK(body.find("\n    /S /JavaScript") == std::string::npos);
  CHECK(body.find("\n    /JS ") == std::string::npos);
  CHECK(body.find("/URI (javascript") == std::string::npos);
  CHECK(body.find("/URI (file") == std::string::npos);
  CHECK(run("qpdf --check '" + pdf.string() + "'", "links-check").exit == 0);
}

TEST_CASE("review findings: writes are all or nothing, keep the file's mode, fit long names") {
  const fs::path dir = tmp / "writes";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path a = dir / "a.svg", c = dir / "c.pdf";
  REQUIRE(run(bin + " render samples/us-iran.json -o '" + a.string() + "' -o '" + c.string() + "'", "writes-1").exit == 0);
  // A re-render keeps a 0600 output 0600 (it is the user's choice that the file be private).
  fs::permissions(c, fs::perms::owner_read | fs::perms::owner_write);
  REQUIRE(run(bin + " render samples/us-iran.json -o '" + c.string() + "'", "writes-2").exit == 0);
  CHECK(fs::status(c).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
  // One output that cannot be written: exit 3, and the others are not replaced either.
  spit(a, "old");
  Run r = run(bin + " render samples/us-iran.json -o '" + a.string() + "' -o /nonexistent/b.pdf -o '" + c.string() + "'",
              "writes-3");
  CHECK(r.exit == 3);
  CHECK(r.err.find("cannot write '/nonexistent/b.pdf'") != std::string::npos);
  CHECK(slurp(a) == "old");
  int entries = 0;
  for (const auto& e : fs::directory_iterator(dir)) entries += !e.path().filename().string().empty();
  CHECK(entries == 2);  // a.svg, c.pdf: no temporary left behind
  // An output name of 244 characters: its temporary's name must fit the file system too.
  const std::string long_name = std::string(240, 'x') + ".pdf";
  CHECK(run(bin + " render samples/us-iran.json -o '" + (dir / long_name).string() + "'", "writes-4").exit == 0);
  CHECK(fs::exists(dir / long_name));
}

TEST_CASE("review findings: no output replaces an input, a template or another output") {
  const fs::path dir = tmp / "clobber";
  fs::remove_all(dir);
  fs::create_directories(dir / "tpl");
  const fs::path tl = dir / "tl.json";
  fs::copy_file(src / "samples" / "us-iran.json", tl);
  const std::string original = slurp(tl);
  spit(dir / "tpl" / "mine.json", R"({"extends": "default"})");
  const std::string in = "'" + tl.string() + "'";
  struct Case {
    std::string args, message;
  };
  for (const Case& c : std::vector<Case>{
           {"--dump-layout " + in, "would overwrite"},
           {"-o 'o-{name}.pdf' --dump-layout '" + (dir / "{name}.json").string() + "'", "would overwrite"},
           {"-o '" + (dir / "out.pdf").string() + "' --depfile '" + (dir / "out.pdf").string() + "'", "is written twice"},
           {"-o '" + (dir / "out.pdf").string() + "' -o '" + (dir / "." / "out.pdf").string() + "'", "is written twice"},
           {"-t '" + (dir / "tpl" / "mine.json").string() + "' --dump-layout '" + (dir / "tpl" / "mine.json").string() + "'",
            "would overwrite"}}) {
    Run r = run(bin + " render " + in + " " + c.args, "clobber");
    INFO(c.args);
    CHECK(r.exit == 2);
    CHECK(r.err.find(c.message) != std::string::npos);
    CHECK(slurp(tl) == original);
    CHECK_FALSE(fs::exists(dir / "out.pdf"));
  }
  CHECK(slurp(dir / "tpl" / "mine.json") == R"({"extends": "default"})");
}

TEST_CASE("review findings: a PNG is capped by its pixel count, not only per side") {
  const fs::path png = tmp / "big.png";
  Run r = run(bin + " render samples/us-iran.json -o '" + png.string() + "' --dpi 1200", "png-cap");
  REQUIRE(r.exit == 0);
  CHECK(r.err.find("64 million in all); drawn at ") != std::string::npos);
  const std::string bytes = slurp(png);
  REQUIRE(bytes.size() > 24);
  auto be32 = [&](std::size_t at) {
    return (unsigned(static_cast<unsigned char>(bytes[at])) << 24) | (unsigned(static_cast<unsigned char>(bytes[at + 1])) << 16) |
           (unsigned(static_cast<unsigned char>(bytes[at + 2])) << 8) | unsigned(static_cast<unsigned char>(bytes[at + 3]));
  };
  CHECK(double(be32(16)) * double(be32(20)) <= 64e6);
}

TEST_CASE("review findings: TimelineJS text fields read as HTML is read, once") {
  const fs::path dir = tmp / "tjs-html";
  fs::create_directories(dir);
  spit(dir / "t.json", R"({"title": {"text": {"headline": "Temperature < 5 degrees &amp;lt;b&amp;gt; it&#8217;s <b>bold</b><br>&#x2014; ok"}},
 "events": [{"start_date": {"year": "2020"}, "text": {"headline": "A&nbsp;<i>b</i>"}}]})");
  Run r = run(bin + " normalize '" + (dir / "t.json").string() + "'", "tjs-html");
  REQUIRE(r.exit == 0);
  auto model = nlohmann::json::parse(r.out);
  CHECK(model["title"] == "Temperature < 5 degrees &lt;b&gt; it\u2019s bold \u2014 ok");
  CHECK(model["events"][0]["title"] == "A\u00a0b");
}

TEST_CASE("review findings: a control character in a title is removed with a warning, not a cut title") {
  const fs::path dir = tmp / "control-title";
  fs::create_directories(dir);
  spit(dir / "t.json", "{\"title\": \"t\", \"events\": [{\"title\": \"Before\\u0000after\", \"date\": \"2015\"},"
                       " {\"title\": \"two\\nlines\", \"date\": \"2016\"}]}\n");
  const fs::path pdf = dir / "t.pdf";
  Run r = run(bin + " render '" + (dir / "t.json").string() + "' -o '" + pdf.string() + "'", "control-title");
  REQUIRE(r.exit == 0);
  CHECK(r.err.find(":1:37: warning: control characters removed from the text (they cannot be drawn) (at "
                   "/events/0/title)") != std::string::npos);
  Run text = run("pdftotext '" + pdf.string() + "' -", "control-title-text");
  CHECK(text.out.find("Beforeafter") != std::string::npos);
  CHECK(text.out.find("two lines") != std::string::npos);
}

TEST_CASE("review findings: every format holds the limits") {
  const fs::path dir = tmp / "limits-all";
  fs::remove_all(dir);
  fs::create_directories(dir);
  struct Case {
    std::string name, text, message;
  };
  std::vector<Case> cases;
  {  // markwhen: more than 100,000 events stop the reading at the first one too many
    std::string t;
    for (int i = 0; i < 100005; ++i) t += "2020-01-01: e" + std::to_string(i) + "\n";
    cases.push_back({"many.mw", t, "many.mw:100001:1: error: too many events: more than 100000; the limit is 100000 per file (at line 100001)\n"});
  }
  {  // TimelineJS: a 200 KB headline of '<a' (each once a search to the end of the text)
    std::string h;
    for (int i = 0; i < 100000; ++i) h += "<a";
    cases.push_back({"long.json", R"({"events": [{"start_date": {"year": "2020"}, "text": {"headline": ")" + h + "\"}}]}",
                     "long.json:1:67: error: 'title' is 200000 bytes long; the limit is 10000 (at /events/0/text/headline)\n"});
  }
  {  // TimelineJS: more than 100,000 events
    std::string t = "{\"events\": [";
    for (int i = 0; i < 100001; ++i) t += std::string(i ? "," : "") + R"({"start_date":{"year":"2020"},"text":{"headline":"e"}})";
    t += "]}";
    cases.push_back({"many-tjs.json", t, "many-tjs.json:1:5500013: error: too many events: more than 100000; the limit is "
                                         "100000 per file (at /events/100000)\n"});
  }
  {  // CSV with 100,000 columns: one error at the first column too many
    std::string header = "date,title", row = "2015,x";
    for (int i = 0; i < 100000; ++i) header += ",c" + std::to_string(i), row += ",";
    cases.push_back({"wide.csv", header + "\n" + row + "\n", "wide.csv:1:4892: error: too many columns; the limit is 1000\n"});
  }
  for (const auto& c : cases) {
    INFO(c.name);
    spit(dir / c.name, c.text);
    Run r;
    double mb = peak_mb(bin + " check " + c.name, c.name, r, dir.string());
    CHECK(r.exit == 1);
    CHECK(r.err == c.message);
    CHECK(mb < memory_bound_mb);
    // (Their speed, linear now, is measured by hand and in bench/, never in a timed test:
    // README "Limits" gives the figures.)
  }
  // markwhen: 100,000 groups are read (a set of track ids, not a search per group)
  std::string groups;
  for (int i = 0; i < 100000; ++i) groups += "group G" + std::to_string(i) + "\n2020-01-01: e\n";
  spit(dir / "groups.mw", groups);
  Run g = run(bin + " check '" + (dir / "groups.mw").string() + "'", "groups");
  CHECK(g.exit == 0);
}

TEST_CASE("review findings: templates that cannot be read, depfiles for patterns, links at the output") {
  const fs::path dir = tmp / "review-2";
  fs::remove_all(dir);
  fs::create_directories(dir / "tpl" / "folder.json");
  // A template that is too large is the size message (exit 1), not "not found".
  spit(dir / "tpl" / "big.json", "{\"x\": \"" + std::string(17 << 20, 'a') + "\"}");
  Run big = run(bin + " render samples/us-iran.json -t '" + (dir / "tpl" / "big.json").string() + "' -o '" +
                    (dir / "x.svg").string() + "'",
                "template-big");
  CHECK(big.exit == 1);
  CHECK(big.err.find("big.json: error: the file is larger than 16 MiB") != std::string::npos);
  Run folder = run(bin + " render samples/us-iran.json -t '" + (dir / "tpl" / "folder.json").string() + "' -o '" +
                       (dir / "x.svg").string() + "'",
                   "template-folder");
  CHECK(folder.exit == 3);
  CHECK(folder.err.find("it is a directory") != std::string::npos);
  // {name} in -o but not in --depfile: every input would write the one depfile.
  fs::copy_file(src / "samples" / "us-iran.json", dir / "a.json");
  fs::copy_file(src / "samples" / "us-iran.json", dir / "b.json");
  Run dep = run("cd '" + dir.string() + "' && " + bin + " render a.json b.json -o 'o-{name}.svg' --depfile all.d", "depfile-name");
  CHECK(dep.exit == 2);
  CHECK(dep.err == "chronicle: error: every input would write the same depfile; put {name} in --depfile too\n");
  CHECK_FALSE(fs::exists(dir / "o-a.svg"));
  Run deps = run("cd '" + dir.string() + "' && " + bin + " render a.json b.json -o 'o-{name}.svg' --depfile '{name}.d'", "depfiles");
  CHECK(deps.exit == 0);
  CHECK(slurp(dir / "b.d").rfind("o-b.svg: \\\n  b.json", 0) == 0);
  // A symbolic link at the output path is replaced, never followed: not into a FIFO (which
  // would block), not into the file it names.
  REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
  fs::create_symlink(dir / "fifo", dir / "to-fifo.svg");
  spit(dir / "target.txt", "keep me");
  fs::create_symlink(dir / "target.txt", dir / "to-file.svg");
  Run link = run("timeout 30 " + bin + " render samples/us-iran.json -o '" + (dir / "to-fifo.svg").string() + "' -o '" +
                     (dir / "to-file.svg").string() + "'",
                 "symlink-out");
  CHECK(link.exit == 0);
  CHECK_FALSE(fs::is_symlink(dir / "to-fifo.svg"));
  CHECK_FALSE(fs::is_symlink(dir / "to-file.svg"));
  CHECK(slurp(dir / "to-file.svg").find("<svg") != std::string::npos);
  CHECK(slurp(dir / "target.txt") == "keep me");
  CHECK(fs::is_fifo(dir / "fifo"));
}

TEST_CASE("review findings: bidi overrides, markwhen lines that are not events, dates written for people") {
  const fs::path dir = tmp / "review-3";
  fs::remove_all(dir);
  fs::create_directories(dir);
  // U+202E in a title draws "evil" as "live": removed with a warning.
  spit(dir / "rlo.json", "{\"title\": \"t\", \"events\": [{\"title\": \"\\u202eevil\\u202c\", \"date\": \"2015\"}]}\n");
  Run rlo = run(bin + " normalize '" + (dir / "rlo.json").string() + "'", "rlo");
  CHECK(rlo.exit == 0);
  CHECK(rlo.err.find("warning: bidi override characters (U+202D, U+202E) removed") != std::string::npos);
  CHECK(nlohmann::json::parse(rlo.out)["events"][0]["title"] == "evil\u202c");
  // markwhen: relative dates and a date with no space before the title are events; a line
  // with a date among other words is said, never silently swallowed.
  spit(dir / "lines.mw", "title: Lines\n\n2020-01-01: First\nyesterday: Second\nMonday: Third\n2020-05-01:Fourth\n"
                          "Meeting on Monday: agenda\n#Project1: #d336b1\n");
  Run mw = run(bin + " normalize --reference-date 2020-07-01 '" + (dir / "lines.mw").string() + "'", "mw-lines");
  REQUIRE(mw.exit == 0);
  CHECK(nlohmann::json::parse(mw.out)["events"].size() == 4);
  CHECK(mw.err.find("lines.mw:7:1: warning: 'Meeting on Monday' is not a date markwhen or chronicle reads, so this line is "
                    "part of the previous event's description (at line 7)") != std::string::npos);
}

TEST_CASE("review findings: markwhen recurrences stop at the event limit, said once") {
  const fs::path dir = tmp / "recurrence-limit";
  fs::create_directories(dir);
  std::string t = "title: r\n\n";
  for (int i = 0; i < 20000; ++i) t += "2000-01-01 every day for 10 years: x" + std::to_string(i) + "\n";
  spit(dir / "rec.mw", t);  // 830 KB: without a bound, 20 million events
  Run r;
  const double mb = peak_mb(bin + " check rec.mw", "recurrence-limit", r, dir.string());
  CHECK(r.exit == 1);
  CHECK(r.err.find("error: recurring events make more than 100000 events; the limit is 100000 per timeline") !=
        std::string::npos);
  CHECK(mb < memory_bound_mb);
}

TEST_CASE("outputs: every numbered reference in a PDF links to its source, each source back to its first citation") {
  const fs::path dir = tmp / "pdf-links";
  fs::create_directories(dir);
  // 30 events over two briefing pages, citing three sources (two with URLs).
  nlohmann::json tl = {{"title", "Links"},
                       {"sources", {{{"id", "a"}, {"title", "Source A"}, {"url", "https://example.org/a"}},
                                    {{"id", "b"}, {"title", "Source B"}},
                                    {{"id", "c"}, {"title", "Source C"}, {"url", "https://example.org/c"}}}}};
  for (int i = 0; i < 30; ++i) {
    nlohmann::json sources = nlohmann::json::array({i % 2 ? "a" : "b"});
    if (i >= 20) sources.push_back("c");  // cited only on the later events: the second page
    tl["events"].push_back({{"title", "Event number " + std::to_string(i) + " with a title of some length"},
                            {"date", std::to_string(1950 + 2 * i)},
                            {"sources", sources}});
  }
  spit(dir / "links.json", tl.dump());
  const fs::path pdf = dir / "links.pdf", dump = dir / "links.layout.json";
  REQUIRE(run(bin + " render '" + (dir / "links.json").string() + "' -t briefing-a4 -o '" + pdf.string() +
                  "' --dump-layout '" + dump.string() + "'",
              "pdf-links")
              .exit == 0);
  CHECK(run("qpdf --check '" + pdf.string() + "'", "pdf-links-check").exit == 0);
  Run q = run("qpdf --json=1 --json-key=objects --json-key=pages '" + pdf.string() + "'", "pdf-links-json");
  REQUIRE(q.exit == 0);
  const auto j = nlohmann::json::parse(q.out);
  std::map<std::string, std::string> dest_page;  // name -> page object
  std::vector<std::string> link_dests, uris;
  for (const auto& [id, o] : j["objects"].items()) {
    if (!o.is_object()) continue;
    if (o.value("/Subtype", "") == "/Link") {
      if (o.contains("/Dest")) link_dests.push_back(o["/Dest"]);
      if (o.contains("/A") && o["/A"].contains("/URI")) uris.push_back(o["/A"]["/URI"]);
    }
    if (o.contains("/Names") && o["/Names"].is_array())
      for (std::size_t k = 0; k + 1 < o["/Names"].size(); k += 2)
        if (o["/Names"][k].is_string() && o["/Names"][k + 1].is_array())
          dest_page[o["/Names"][k]] = o["/Names"][k + 1][0];
  }
  std::vector<std::string> pages;
  for (const auto& p : j["pages"]) pages.push_back(p["object"]);
  REQUIRE(pages.size() == 2);
  // Every internal link resolves.
  for (const auto& d : link_dests) {
    INFO(d);
    CHECK(dest_page.count(d) == 1);
  }
  // One link per number drawn, as the layout dump says; the sources are on the last page.
  const auto layout = nlohmann::json::parse(slurp(dump));
  std::size_t numbers = 0;
  std::map<std::string, int> first_page;  // source number -> first page citing it
  for (const auto& it : layout["items"])
    for (const auto& l : it.value("lines", nlohmann::json::array()))
      for (const auto& k : l.value("links", nlohmann::json::array())) {
        const std::string dest = k["dest"];
        if (dest.rfind("source-", 0) != 0) continue;
        ++numbers;
        const std::string n = dest.substr(7);
        if (!first_page.count(n)) first_page[n] = it["page"];
      }
  CHECK(numbers > 30);
  CHECK(std::count_if(link_dests.begin(), link_dests.end(), [](const std::string& d) { return d.rfind("source-", 0) == 0; }) ==
        std::ptrdiff_t(numbers));
  for (const auto& [n, page] : first_page) {
    INFO("source " << n);
    CHECK(dest_page["source-" + n] == pages.back());
    CHECK(dest_page["cite-" + n] == pages[std::size_t(page)]);  // back to the first page that cites it
  }
  CHECK(first_page.size() == 3);
  CHECK(std::count(link_dests.begin(), link_dests.end(), "cite-1") == 1);
  // Sources with a URL link out.
  CHECK(std::find(uris.begin(), uris.end(), "https://example.org/a") != uris.end());
  CHECK(std::find(uris.begin(), uris.end(), "https://example.org/c") != uris.end());
}

TEST_CASE("outputs: a PDF's structure reads in order: a heading, each event a paragraph in time order, lists") {
  const fs::path dir = tmp / "pdf-structure";
  fs::create_directories(dir);
  const fs::path pdf = dir / "ui.pdf", model = dir / "ui.model.json";
  REQUIRE(run(bin + " render samples/us-iran.json -o '" + pdf.string() + "'", "structure").exit == 0);
  REQUIRE(run(bin + " normalize samples/us-iran.json -o '" + model.string() + "'", "structure-model").exit == 0);
  Run q = run("qpdf --json=1 --json-key=objects '" + pdf.string() + "'", "structure-json");
  REQUIRE(q.exit == 0);
  std::map<std::string, int> types;
  const auto objects = nlohmann::json::parse(q.out)["objects"];
  for (auto o = objects.begin(); o != objects.end(); ++o)
    if (o->is_object() && o->value("/Type", "") == "/StructElem") ++types[o->value("/S", "")];
  INFO(types.size() << " structure types");
  CHECK(types["/H1"] == 1);
  CHECK(types["/P"] == 11);  // the subtitle and the ten events
  CHECK(types["/L"] == 2);   // the legend and the sources
  CHECK(types["/LI"] >= 2);
  // The content stream holds the events in time order: extraction in stream order reads them so.
  Run raw = run("pdftotext -raw '" + pdf.string() + "' -", "structure-raw");
  std::string text = raw.out;
  for (auto& c : text)
    if (c == '\n') c = ' ';
  const auto m = nlohmann::json::parse(slurp(model));
  std::vector<std::pair<std::string, std::size_t>> seen;  // (date, place in the text), in time order
  for (const auto& e : m["events"]) {  // normalize sorts them by time
    const std::string first_words = e["title"].get<std::string>().substr(0, 20);
    INFO(first_words);
    const auto found = text.find(first_words);
    REQUIRE(found != std::string::npos);
    const std::string from = (e.contains("date") ? e["date"] : e["start"])["from"];
    for (const auto& [date, place] : seen)
      if (date < from) CHECK(place < found);  // an earlier event reads first (events of one day in any order)
    seen.push_back({from, found});
  }
  // The chart's lines and marks are artifacts: in the uncompressed content stream (qpdf
  // --qdf writes each operator of Cairo's on its line), every line that paints (a filled or
  // stroked path, shown text) lies inside marked content, an /Artifact or a structure element.
  const fs::path qdf = dir / "ui.qdf.pdf";
  REQUIRE(run("qpdf --qdf --object-streams=disable '" + pdf.string() + "' '" + qdf.string() + "'", "structure-qdf").exit == 0);
  const std::string doc = slurp(qdf);
  const std::size_t stream = doc.find("stream\n", doc.find("%% Contents for page 1"));
  REQUIRE(stream != std::string::npos);
  std::istringstream lines(doc.substr(stream + 7, doc.find("endstream", stream) - stream - 7));
  int depth = 0, artifacts = 0, painted = 0, outside = 0;
  for (std::string line; std::getline(lines, line);) {
    auto ends_with = [&](const std::string& op) {
      return line.size() >= op.size() + 1 && line.compare(line.size() - op.size(), op.size(), op) == 0 &&
             line[line.size() - op.size() - 1] == ' ';
    };
    if (line == "/Artifact BMC") ++artifacts;
    if (ends_with("BDC") || ends_with("BMC") || line == "/Artifact BMC") ++depth;
    else if (line == "EMC") --depth;
    CHECK(depth >= 0);
    if (ends_with("f") || ends_with("S") || ends_with("B") || ends_with("Tj") || ends_with("TJ")) {
      ++painted;
      if (depth == 0) {
        ++outside;
        UNSCOPED_INFO("unmarked: " << line);
      }
    }
  }
  CHECK(depth == 0);
  CHECK(artifacts > 0);
  CHECK(painted > 50);
  CHECK(outside == 0);
  Run check = run("qpdf --check '" + pdf.string() + "'", "structure-check");
  CHECK(check.exit == 0);
}
