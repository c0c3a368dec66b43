// Templates where their outputs land: paged briefings (page numbers, running header,
// sources at the end, bookmarks by page), slides (one SVG a slide at 1920x1080 px, a PDF
// page a slide), and where templates are found. Checked with poppler-utils and qpdf.
#include <catch2/catch.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "e2e_helpers.h"

namespace {

int count(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

/// One string per page, as pdftotext reads the PDF.
std::vector<std::string> pdf_pages(const fs::path& pdf, const std::string& name) {
  Run r = run("pdftotext -layout '" + pdf.string() + "' -", name);
  std::vector<std::string> pages{""};
  for (char c : r.out) {
    if (c == '\f') pages.emplace_back();
    else pages.back() += c;
  }
  if (pages.back().empty()) pages.pop_back();
  return pages;
}

}  // namespace

// A timeline too long for one page at the smallest type: the US-Iran sample with the 35
// events of tests/fit/space-35.json (45 events, two sources, two eras, milestones).
const std::string long_input = "samples/us-iran.json tests/fit/space-35.json";

TEST_CASE("a long briefing flows onto numbered pages with a running header, sources at the end") {
  const fs::path dir = tmp / "briefing";
  fs::create_directories(dir);
  const fs::path pdf = dir / "long.pdf", dump = dir / "long.json";
  REQUIRE(run(bin + " render " + long_input + " -t briefing-a4 -o '" + pdf.string() + "' --dump-layout '" +
                  dump.string() + "'",
              "briefing")
              .exit == 0);
  auto layout = nlohmann::json::parse(slurp(dump));
  const std::size_t n = layout["pages"].size();
  CHECK(n >= 2);
  CHECK(n <= 3);
  Run info = run("pdfinfo '" + pdf.string() + "'", "briefing-info");
  CHECK(info.out.find("Pages:           " + std::to_string(n)) != std::string::npos);
  CHECK(info.out.find("Page size:       595.28 x 841.89 pts (A4)") != std::string::npos);  // not grown
  const auto pages = pdf_pages(pdf, "briefing-text");
  REQUIRE(pages.size() == n);
  const std::string& last = pages.back();
  const std::string total = std::to_string(n);
  CHECK(pages[0].find("The United States and Iran, 2015–2024") != std::string::npos);  // the title block
  CHECK(pages[0].find("15 Nov 2024") != std::string::npos);                            // its date
  auto squeeze = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
  };
  CHECK(squeeze(pages[0]).find("1/" + total) != std::string::npos);
  CHECK(pages[0].find("Sources") == std::string::npos);
  CHECK(last.find("The United States and Iran, 2015–2024") != std::string::npos);  // running header
  CHECK(squeeze(last).find(total + "/" + total) != std::string::npos);
  CHECK(last.find("Sources") != std::string::npos);  // numbered sources list on the last page
  CHECK(last.find("[2] Elon Musk met Iran's UN envoy") != std::string::npos);
  CHECK(last.find("Eras") != std::string::npos);  // the era legend
  // The legend on the last page is the whole document's: every era and the milestones.
  CHECK(last.find("Trump's first term (20 Jan 2017") != std::string::npos);
  CHECK(last.find("milestone") != std::string::npos);
  // Every event has a label on some page; the layout says which, and pages hold time windows in order.
  int labels = 0;
  for (const auto& it : layout["items"]) {
    if (it["kind"] != "label") continue;
    ++labels;
    CHECK(it["page"].get<std::size_t>() < n);
  }
  CHECK(labels == 45);
  for (std::size_t k = 0; k + 1 < n; ++k)
    CHECK(layout["pages"][k]["window"][1].get<std::string>() <= layout["pages"][k + 1]["window"][0].get<std::string>());
  // Bookmarks by page, each with its events.
  Run outline = run("qpdf --json --json-key=outlines '" + pdf.string() + "'", "briefing-outline");
  auto o = nlohmann::json::parse(outline.out)["outlines"];
  REQUIRE(o.size() == n);
  CHECK(o[0]["title"] == "Page 1");
  std::size_t kids = 0;
  for (const auto& page : o) kids += page["kids"].size();
  CHECK(kids == 45);
  CHECK(o[1]["destpageposfrom1"] == 2);
  CHECK(run("qpdf --check '" + pdf.string() + "'", "briefing-qpdf").exit == 0);
  Run fonts = run("pdffonts '" + pdf.string() + "'", "briefing-fonts");
  CHECK(count(fonts.out, " yes yes ") >= 2);  // embedded, subset
  CHECK(fonts.out.find(" no ") == std::string::npos);
}

TEST_CASE("slides: 1920x1080 px SVGs, one a slide, and a PDF page a slide") {
  const fs::path dir = tmp / "slides";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string out = (dir / "slide-%d").string();
  REQUIRE(run(bin + " render " + long_input + " -t slide-16x9 -o '" + out + ".svg' -o '" + out + ".png' --dpi 96 -o '" +
                  (dir / "deck.pdf").string() + "' --dump-layout '" + (dir / "deck.json").string() + "'",
              "slides")
              .exit == 0);
  // 45 events do not fit one slide: as many slides as the layout has pages, every one 1440x810.
  const auto deck = nlohmann::json::parse(slurp(dir / "deck.json"));
  const int slides = int(deck["pages"].size());
  CHECK(slides >= 2);
  CHECK(slides <= 5);
  for (const auto& page : deck["pages"]) {
    CHECK(page["width"] == 1440);
    CHECK(page["height"] == 810);
  }
  for (int k = 1; k <= slides; ++k) {
    const std::string svg = slurp(dir / ("slide-" + std::to_string(k) + ".svg"));
    CHECK(svg.find("width=\"1920px\" height=\"1080px\" viewBox=\"0 0 1920 1080\"") != std::string::npos);
    CHECK(run("xmllint --noout '" + (dir / ("slide-" + std::to_string(k) + ".svg")).string() + "'", "slide-xmllint").exit ==
          0);
    const std::string png = slurp(dir / ("slide-" + std::to_string(k) + ".png"));
    REQUIRE(png.size() > 24);
    auto be32 = [&](std::size_t at) {
      return (unsigned(static_cast<unsigned char>(png[at])) << 24) | (unsigned(static_cast<unsigned char>(png[at + 1])) << 16) |
             (unsigned(static_cast<unsigned char>(png[at + 2])) << 8) | unsigned(static_cast<unsigned char>(png[at + 3]));
    };
    CHECK(be32(16) == 1920);
    CHECK(be32(20) == 1080);
  }
  CHECK_FALSE(fs::exists(dir / ("slide-" + std::to_string(slides + 1) + ".svg")));
  Run info = run("pdfinfo '" + (dir / "deck.pdf").string() + "'", "slides-info");
  CHECK(info.out.find("Pages:           " + std::to_string(slides)) != std::string::npos);
  CHECK(info.out.find("Page size:       1440 x 810 pts") != std::string::npos);
  // An SVG holds one slide: without %d a deck of several is a usage error, nothing written.
  Run bad = run(bin + " render " + long_input + " -t slide-16x9 -o '" + (dir / "one.svg").string() + "'", "slides-bad");
  CHECK(bad.exit == 2);
  CHECK(bad.err.find("has " + std::to_string(slides) + " pages") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "one.svg"));
}

TEST_CASE("templates are found in --template-dir, then next to the input, then the share folder") {
  const fs::path dir = tmp / "template-search", mine = dir / "mine";
  fs::remove_all(dir);
  fs::create_directories(mine);
  spit(dir / "in.json", slurp(src / "samples" / "apollo-11-landing.json"));
  spit(dir / "local.json", R"({"extends": "default", "page": {"width": 500, "height": 400}})");
  spit(mine / "local.json", R"({"extends": "default", "page": {"width": 600, "height": 450}})");
  auto width_with = [&](const std::string& args, const std::string& name) {
    const fs::path dump = dir / (name + ".json");
    Run r = run(bin + " render '" + (dir / "in.json").string() + "' -o '" + (dir / (name + ".svg")).string() +
                    "' --dump-layout '" + dump.string() + "' " + args,
                name);
    INFO(r.err);
    REQUIRE(r.exit == 0);
    return nlohmann::json::parse(slurp(dump))["pages"][0]["width"].get<double>();
  };
  CHECK(width_with("-t local", "beside-input") == 500);                                        // next to the input
  CHECK(width_with("-t local --template-dir '" + mine.string() + "'", "template-dir") == 600);  // --template-dir first
  CHECK(width_with("-t briefing-a4", "share") == Approx(595.28));                              // the share folder
  CHECK(width_with("-t briefing-a4 --set page.orientation=landscape", "landscape") == Approx(841.89));
  CHECK(width_with("--set page.orientation=portrait", "portrait") == Approx(841.89));
}

TEST_CASE("the README's key list is what 'chronicle templates --keys' prints") {
  const std::string out = (fs::path(CHRONICLE_TEST_TMP) / "keys.md").string();
  fs::create_directories(CHRONICLE_TEST_TMP);
  REQUIRE(std::system((std::string(CHRONICLE_BINARY) + " templates --keys > '" + out + "'").c_str()) == 0);
  std::ifstream a(out), b(std::string(CHRONICLE_SOURCE_DIR) + "/README.md");
  std::stringstream keys, readme;
  keys << a.rdbuf();
  readme << b.rdbuf();
  const std::string begin = "<!-- keys: chronicle templates --keys -->\n", end = "<!-- end keys -->";
  const auto i = readme.str().find(begin), j = readme.str().find(end);
  REQUIRE(i != std::string::npos);
  REQUIRE(j != std::string::npos);
  CHECK(readme.str().substr(i + begin.size(), j - i - begin.size()) == keys.str());
}

TEST_CASE("a long non-Latin title on a paged template: the running header is cut between letters") {
  // The review's reproducer: a Russian title shortened in the middle of a UTF-8 sequence
  // made Cairo refuse the PDF (exit 4) and the dump throw.
  nlohmann::json doc{{"title", "История отношений Соединённых Штатов и Ирана от ядерной сделки до встречи Маска с "
                               "послом Ирана в ООН в ноябре две тысячи двадцать четвёртого года"},
                     {"events", nlohmann::json::array()}};
  for (int i = 0; i < 40; ++i)
    doc["events"].push_back({{"title", "Событие номер " + std::to_string(i + 1) + " с длинным названием"},
                             {"date", std::to_string(1900 + 3 * i)}});
  const fs::path dir = tmp / "title-ru";
  fs::create_directories(dir);
  spit(dir / "ru.json", doc.dump());
  Run r = run(bin + " render '" + (dir / "ru.json").string() + "' -t briefing-a4 -o '" + (dir / "ru.pdf").string() +
                  "' --dump-layout '" + (dir / "ru.dump.json").string() + "'",
              "title-ru");
  CHECK(r.exit == 0);
  CHECK(r.err.find("UTF-8") == std::string::npos);
  const auto layout = nlohmann::json::parse(slurp(dir / "ru.dump.json"));
  REQUIRE(layout["pages"].size() >= 2);
  bool running = false;
  for (const auto& it : layout["items"])
    if (it["kind"] == "running-header" && it["text"].get<std::string>().find("…") != std::string::npos) running = true;
  CHECK(running);
}
