"""Train the sentence-level event-type classifier.

    .venv/bin/python scripts/train_classifier.py [--no-cv] [--no-save] [--dev-errors]

Reads every src/dateline/data/training/events_*.jsonl (examples written for the
project; never ACLED rows, never CASE rows), prints stratified 5-fold
cross-validated per-class precision/recall/F1, evaluates the classifier alone
on CASE 2021 dev (measurement only), and writes
src/dateline/data/models/event_classifier.npz.
"""
from __future__ import annotations

import argparse
import csv
import glob
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from dateline.analyse.classifier import (CHAR_PARAMS, MODEL_PATH, NONE, WORD_PARAMS,  # noqa: E402
                                         EventClassifier, normalise, with_roles)

TRAIN_GLOB = str(ROOT / "src/dateline/data/training/events_*.jsonl")
CASE_DEV = Path("/work/shared/eval/case2021/dev.tsv")
CASE = {
    "ARMED_CLASH": "Armed clash", "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory", "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb", "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED", "GRENADE": "Grenade", "CHEM_WEAP": "Chemical weapon",
    "SEX_VIOL": "Sexual violence", "ATTACK": "Attack", "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "PEACE_PROTEST": "Peaceful protest", "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters", "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence", "AGREEMENT": "Agreement", "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity", "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established", "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "PROPERTY_DISTRUCT": "Looting/property destruction", "OTHER": "Other",
}
UNSEEN = {"DIPLO", "ATTRIB", "ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER"}

C = 3.0
CHAR_WEIGHT = 1.0
MIN_DF = 2
# Classes are balanced, then NONE is weighted up: most sentences of real
# articles are not events, and a false event costs more than a missed one.
NONE_WEIGHT = 2.0


def load_training():
    rows = []
    for path in sorted(glob.glob(TRAIN_GLOB)):
        n = 0
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if not line:
                    continue
                o = json.loads(line)
                rows.append((o["text"], o["label"], o.get("lang", "")))
                n += 1
        print(f"read {n} examples from {Path(path).name}")
    return rows


def fit(texts, labels, c=C, char_weight=CHAR_WEIGHT, min_df=MIN_DF) -> EventClassifier:
    norm = [normalise(t) for t in texts]
    wv = TfidfVectorizer(sublinear_tf=True, min_df=min_df, **WORD_PARAMS)
    cv = TfidfVectorizer(sublinear_tf=True, min_df=min_df, **CHAR_PARAMS)
    x = sp.hstack([wv.fit_transform([with_roles(t) for t in norm]), cv.fit_transform(norm) * char_weight]).tocsr()
    cnt = Counter(labels)
    weights = {l: len(labels) / (len(cnt) * n) for l, n in cnt.items()}
    if NONE in weights:
        weights[NONE] *= NONE_WEIGHT
    lr = LogisticRegression(C=c, max_iter=3000, class_weight=weights)
    lr.fit(x, labels)
    wterms = sorted(wv.vocabulary_, key=wv.vocabulary_.get)
    cterms = sorted(cv.vocabulary_, key=cv.vocabulary_.get)
    return EventClassifier(
        labels=list(lr.classes_), word_terms=wterms, word_idf=wv.idf_, char_terms=cterms, char_idf=cv.idf_,
        coef=lr.coef_.T, intercept=lr.intercept_, char_weight=char_weight,
    )


def argmax(clf, texts):
    s = clf.decision_function(texts)
    return [clf.labels[i] for i in s.argmax(axis=1)]


def cross_validate(texts, labels, langs):
    y = np.array(labels)
    pred = np.empty(len(y), dtype=object)
    skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    for tr, te in skf.split(texts, y):
        clf = fit([texts[i] for i in tr], y[tr].tolist())
        pred[te] = argmax(clf, [texts[i] for i in te])
    print("\n== stratified 5-fold CV on the training examples ==")
    print(classification_report(y, pred.astype(str), digits=3, zero_division=0))
    for lang in sorted(set(langs)):
        idx = [i for i, l in enumerate(langs) if l == lang]
        acc = sum(pred[i] == y[i] for i in idx) / len(idx)
        print(f"CV accuracy [{lang}]: {acc:.3f} on {len(idx)} examples")
    print("(examples share sentence frames, so CV figures are optimistic)")


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def eval_case(clf, show_errors=False):
    if not CASE_DEV.exists():
        print("CASE dev not found; skipped")
        return None
    rows = list(csv.reader(open(CASE_DEV, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    texts = [r[1] for r in rows]
    gold = [r[2] for r in rows]
    pred = argmax(clf, texts)
    seen = [i for i, g in enumerate(gold) if g not in UNSEEN]
    gl = {i: CASE[gold[i]] for i in seen}
    labels = sorted(set(gl.values()))
    supp = Counter(gl.values())
    per = {}
    for l in labels:
        tp = sum(1 for i in seen if gl[i] == l and pred[i] == l)
        fp = sum(1 for i in seen if gl[i] != l and pred[i] == l)
        fn = supp[l] - tp
        per[l] = f1(tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)
    weighted = sum(per[l] * supp[l] for l in labels) / len(seen)
    macro = sum(per.values()) / len(per)
    acc = sum(pred[i] == gl[i] for i in seen) / len(seen)
    none_on_conflict = sum(pred[i] == NONE for i in seen) / len(seen)
    unseen = [i for i, g in enumerate(gold) if g in UNSEEN]
    rejected = sum(pred[i] == NONE for i in unseen) / max(1, len(unseen))
    print("\n== CASE 2021 dev, classifier alone (argmax per snippet) ==")
    for l in labels:
        print(f"  {l:38s} F1 {per[l]:.2f}  (n={supp[l]})")
    print(f"weighted F1 {weighted:.3f}  macro F1 {macro:.3f}  accuracy {acc:.3f}  "
          f"NONE on conflict {none_on_conflict:.0%}  non-conflict -> NONE {rejected:.0%} "
          f"({len(seen)} conflict, {len(unseen)} non-conflict)")
    if show_errors:
        conf = Counter()
        for i in range(len(rows)):
            g = CASE.get(gold[i], NONE + ":" + gold[i])
            if pred[i] != g and not (gold[i] in UNSEEN and pred[i] == NONE):
                conf[(g, pred[i])] += 1
        print("\nconfusions (gold -> predicted):")
        for (g, p), n in conf.most_common(40):
            print(f"  {n:2d}  {g}  ->  {p}")
    return weighted, rejected


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-cv", action="store_true")
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--dev-errors", action="store_true")
    a = ap.parse_args()
    rows = load_training()
    texts = [r[0] for r in rows]
    labels = [r[1] for r in rows]
    print(f"{len(rows)} examples, {len(set(labels))} labels; by language: {dict(Counter(r[2] for r in rows))}")
    if not a.no_cv:
        cross_validate(texts, labels, [r[2] for r in rows])
    t = time.time()
    clf = fit(texts, labels)
    print(f"trained on all examples in {time.time() - t:.1f} s; "
          f"{len(clf._word.vocab)} word + {len(clf._char.vocab)} char features")
    eval_case(clf, a.dev_errors)
    if not a.no_save:
        clf.save(MODEL_PATH)
        t = time.time()
        clf2 = EventClassifier.from_file(MODEL_PATH)
        print(f"wrote {MODEL_PATH.relative_to(ROOT)} ({MODEL_PATH.stat().st_size / 1e6:.1f} MB), "
              f"reloads in {time.time() - t:.2f} s")
        probe = texts[:200]
        assert argmax(clf2, probe) == argmax(clf, probe)


if __name__ == "__main__":
    main()
