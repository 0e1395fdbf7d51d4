#!/usr/bin/env python3
"""The quick-script baseline baoxun is compared with: about twenty Python `re` patterns of the
kind an analyst writes in an afternoon, run over the same issues, written as the same CSVs so
shared/tools/score.py can score both.

usage: regex_baseline.py ISSUES_DIR OUT_DIR
"""
import csv, os, re, sys

HAN = r"[\u4e00-\u9fff]"
NUM = r"(\d+(?:\.\d+)?)"
SCALE = {"亿": 10**8, "万": 10**4, "": 1}
POSTS = "书记|副书记|县长|区长|市长|副县长|副区长|副市长|主任|主席|局长|部长|院士|董事长|总经理|常委"

PATTERNS = {
    "officials": [rf"(?:{POSTS})({HAN}{{2,3}}?)(?=[，。、出主参陪讲表指强])",
                  rf"({HAN}{{2,3}})(?:同志|总书记)",
                  rf"领导({HAN}{{2,3}}(?:、{HAN}{{2,3}})+)"],
    "amounts": [rf"(?:总投资|投资|签约金额|协议投资)(?:约|近|超|逾|达)?{NUM}(亿|万)?元",
                rf"(?:销售收入|营业收入|产值|税收|利税)(?:约|近|超|逾|达)?{NUM}(亿|万)?元",
                rf"{NUM}(亿|万)?元"],
    "jobs": [rf"就业(?:岗位)?(?:超|约|近)?{NUM}(万)?(?:余|多)?(?:人|个)",
             rf"(?:安排|吸纳){NUM}(?:余|多)?人"],
    "events": [rf"({HAN}{{2,20}}(?:大会|会议|论坛|博览会|洽谈会))(?:在{HAN}+)?(?:举行|召开|开幕)",
               rf"召开({HAN}{{2,20}}(?:会议|大会))",
               rf"({HAN}{{2,20}}签约仪式)",
               rf"({HAN}{{2,20}}(?:开工|竣工|投产)仪式)",
               rf"颁发({HAN}{{2,20}}奖)"],
    "projects": [rf"({HAN}{{2,20}}项目)",
                 rf"({HAN}{{2,20}}(?:产业园|基地|工程))"],
}

def rows_for(path, rel):
    text = open(path, encoding="utf-8-sig", errors="replace").read() if not path.endswith("b-yicheng-news-02.txt") \
        else open(path, encoding="gb18030").read()
    out = {k: [] for k in PATTERNS}
    seen = set()
    for kind, pats in PATTERNS.items():
        for p in pats:
            for m in re.finditer(p, text):
                if kind == "officials":
                    for name in re.split("、", m.group(1)):
                        if ("o", name) not in seen:
                            seen.add(("o", name)); out[kind].append({"issue": rel, "name": name, "titles": ""})
                elif kind in ("amounts", "jobs"):
                    value = float(m.group(1)) * SCALE[m.group(2) or ""] if kind == "amounts" else \
                        float(m.group(1)) * (10**4 if m.lastindex and m.lastindex >= 2 and m.group(2) else 1)
                    key = (kind, m.start())
                    if key not in seen:
                        seen.add(key); out[kind].append({"issue": rel, "text": m.group(0), "value": f"{value:.0f}", "unit": "CNY", "qualifier": "", "kind": ""})
                else:
                    name = m.group(1)
                    if (kind, name) not in seen:
                        seen.add((kind, name)); out[kind].append({"issue": rel, "name": name, "count": ""})
    return out

def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    tables = {k: [] for k in PATTERNS}
    for root, _, files in os.walk(src):
        for f in sorted(files):
            if f.endswith(".txt"):
                rel = os.path.relpath(os.path.join(root, f), src)
                for k, v in rows_for(os.path.join(root, f), rel).items():
                    tables[k] += v
    for k, rows in tables.items():
        cols = sorted({c for r in rows for c in r}) or ["issue"]
        with open(os.path.join(dst, k + ".csv"), "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=cols)
            w.writeheader(); w.writerows(rows)

if __name__ == "__main__":
    main()
