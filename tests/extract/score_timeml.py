#!/usr/bin/env python3
"""Scores `chronicle extract --mentions` against TimeML documents (TempEval-3's format:
gold TIMEX3 tags inside <TEXT>, the document's creation time in <DCT>).

usage: score_timeml.py CHRONICLE DIR_OF_TML_FILES

Each document's <TEXT> (tags stripped) becomes an article with the DCT as --published;
every article goes through one `chronicle extract` run. Reported as TempEval-3 does:
extent precision, recall and F1 (strict: same start and end; relaxed: overlapping), and
value and type F1 over relaxed matches (an attribute counts when its match is right).
The data is not in this repository; not a test: a measure, for the README.
"""
import html, json, os, re, subprocess, sys, tempfile
from xml.etree import ElementTree as ET

HEADER = "# x\n\n"  # a heading line, so that the text's first line is never taken as its title


def gold(path):
    raw = open(path, encoding="utf-8").read()
    dct = re.search(r'<DCT>\s*<TIMEX3[^>]*value="([^"]+)"', raw).group(1)[:10]
    text_xml = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    out, timexes, pos = [], [], 0
    for m in re.finditer(r"<(/?)(\w+)([^>]*)>|([^<]+)", text_xml):
        if m.group(4) is not None:
            t = html.unescape(m.group(4))
            out.append(t)
            pos += len(t)
        elif m.group(2) == "TIMEX3" and not m.group(1):
            attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(3)))
            timexes.append({"start": pos, "type": attrs.get("type"), "value": attrs.get("value")})
        elif m.group(2) == "TIMEX3" and m.group(1):
            for t in reversed(timexes):
                if "end" not in t:
                    t["end"] = pos
                    break
    return dct, "".join(out), timexes


def f1(p, r):
    return 0 if p + r == 0 else 2 * p * r / (p + r)


def main():
    chronicle, folder = sys.argv[1], sys.argv[2]
    docs = sorted(f for f in os.listdir(folder) if f.endswith(".tml"))
    work = tempfile.mkdtemp()
    golds, sys_all = {}, {}
    for d in docs:
        dct, text, timexes = gold(os.path.join(folder, d))
        name = re.sub(r"[^a-z0-9]+", "-", d.lower().replace(".tml", "")).strip("-")
        path = os.path.join(work, name + ".txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(HEADER + text)
        golds[name] = timexes
        # One run an article: each has its own --published.
        ms = os.path.join(work, name + ".mentions.json")
        subprocess.run([chronicle, "extract", path, "--published", dct, "--mentions", ms, "-o", os.devnull],
                       stderr=subprocess.DEVNULL)
        sys_all[name] = [m for m in json.load(open(ms))] if os.path.exists(ms) else []
        for m in sys_all[name]:
            m["start"] -= len(HEADER)
            m["end"] -= len(HEADER)
    n_gold = sum(len(g) for g in golds.values())
    n_sys = sum(len(s) for s in sys_all.values())
    strict = relaxed = value = typ = 0
    for name, g in golds.items():
        used = set()
        for s in sys_all[name]:
            for i, t in enumerate(g):
                if i in used or s["end"] <= t["start"] or t["end"] <= s["start"]:
                    continue
                used.add(i)
                relaxed += 1
                strict += s["start"] == t["start"] and s["end"] == t["end"]
                value += s["value"] == t["value"]
                typ += s["type"] == t["type"]
                break
    for label, hits in (("extent strict", strict), ("extent relaxed", relaxed), ("value", value), ("type", typ)):
        p, r = hits / max(n_sys, 1), hits / max(n_gold, 1)
        print(f"{label:15} P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f1(p, r):5.1f}")
    print(f"{len(docs)} documents, {n_gold} gold TIMEX3 (creation times not counted), {n_sys} found")


if __name__ == "__main__":
    main()
