"""A user rule file (audit.rule_files) extends the bundled cue lists instead of replacing them."""
from __future__ import annotations

from analysis.audit import Auditor
from analysis.corpora import article_from_plain_text
from analysis.rulebook import cue_sets

USER_RULES = '''
# our house style: "soothes" is a benefit word, "superfood" is sensational
[claim.benefit]
cues = ["sooth*"]

[claim.sensational]
cues = ["superfood"]
'''


def test_rulebook_user_rules_extend_cue_lists(tmp_path):
    path = tmp_path / "house.toml"
    path.write_text(USER_RULES, encoding="utf-8")
    cues = cue_sets((str(path),))
    assert cues["claim.benefit"].search("This balm soothes eczema.")
    assert cues["claim.benefit"].search("It relieves pain.")  # the bundled cues are kept
    audit = next(Auditor({"rule_files": [str(path)]}).audit(
        [article_from_plain_text("This balm soothes eczema in days.\n\nKale is a superfood.\n", "u")]))
    rules = {(f.rule, f.text) for f in audit.findings}
    assert ("claim.unsupported", "This balm soothes eczema in days.") in rules
    assert ("claim.absolute", "Kale is a superfood.") in rules
    bundled = next(Auditor().audit([article_from_plain_text("This balm soothes eczema in days.\n", "b")]))
    assert not [f for f in bundled.findings if f.rule.startswith("claim.")]


HOUSE_DISCLAIMER = '''
# our vets' house phrasing counts as a full disclaimer
[disclaimers.phrasings]
full = ["not a substitute for a visit to your vet"]
'''


def test_rulebook_user_rules_reach_disclaimer_check(tmp_path):
    path = tmp_path / "house.toml"
    path.write_text(HOUSE_DISCLAIMER, encoding="utf-8")
    article = article_from_plain_text(
        "Caring for your dog's paws\n\nTrim the fur between the pads in winter.\n\n"
        "This page is not a substitute for a visit to your vet.\n", "paws")
    assert next(Auditor().audit([article])).disclaimer == "missing"
    audit = next(Auditor({"rule_files": [str(path)]}).audit([article]))
    assert audit.disclaimer == "present"
    assert not [f for f in audit.findings if f.rule.startswith("disclaimer.")]
