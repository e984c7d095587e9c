import textwrap

import pytest

from ecomintent import OUT_OF_SCOPE
from ecomintent.synth import languages as langs
from ecomintent.taxonomy import TaxonomyError, load_taxonomy, parse_taxonomy

GOOD = """\
name: mini
languages: [en, de]
intents:
  - name: order_status
    description: Where is my order.
  - name: out_of_scope
    description: Not shopping.
"""


def test_default_taxonomy_covers_a_real_shop():
    tax = load_taxonomy()
    assert len(tax.labels) >= 25 and OUT_OF_SCOPE in tax.labels
    for needed in (
        "product_search",
        "refund_request",
        "refund_status",
        "cancel_order",
        "return_item",
        "change_shipping_address",
        "login_help",
        "human_agent",
        "newsletter",
        "invoice",
    ):
        assert needed in tax.labels
    assert all(i.description and i.examples for i in tax.intents)
    assert set(tax.languages) == set(langs.LANGUAGES) and len(tax.languages) >= 8


def test_minimal_taxonomy_parses():
    tax = parse_taxonomy(GOOD, "mini.yaml")
    assert tax.labels == ["order_status", "out_of_scope"]
    assert tax.languages == ["en", "de"]


def problems_of(text: str) -> list[str]:
    with pytest.raises(TaxonomyError) as e:
        parse_taxonomy(textwrap.dedent(text), "t.yaml")
    return e.value.problems


def test_duplicate_intent_names_both_lines():
    p = problems_of(GOOD + "  - name: order_status\n    description: again\n")
    assert any("t.yaml:8:" in x and "defined twice" in x and "line 4" in x for x in p), p


def test_empty_description_names_line_and_fix():
    p = problems_of(GOOD.replace("description: Where is my order.", "description: ''"))
    assert any(x.startswith("t.yaml:4:") and "empty description" in x for x in p), p


def test_unknown_language_names_line_and_supported_codes():
    p = problems_of(GOOD.replace("[en, de]", "[en, xx]"))
    assert any(x.startswith("t.yaml:2:") and "'xx'" in x and "hr" in x for x in p), p


@pytest.mark.parametrize("label", ["Order-Status", "1abc", "order status", "a"])
def test_unsafe_label(label):
    p = problems_of(GOOD.replace("name: order_status", f"name: '{label}'"))
    assert any("safe label" in x and "t.yaml:4:" in x for x in p), p


def test_missing_out_of_scope():
    p = problems_of(GOOD.replace("name: out_of_scope", "name: other"))
    assert any("out_of_scope" in x for x in p)


def test_yaml_syntax_error_names_line():
    p = problems_of(GOOD + "  - name: [unclosed\n")
    assert len(p) == 1 and p[0].startswith("t.yaml:") and "YAML syntax error" in p[0]


def test_bad_template_is_reported():
    text = (
        GOOD
        + "  - name: gift_cards\n    description: Gift cards.\n    templates:\n      en: ['(buy|get a gift card', 'x {nope}']\n"
    )
    p = problems_of(text)
    assert any("unclosed '('" in x for x in p) and any("unknown slot {nope}" in x for x in p), p


def test_all_problems_reported_at_once():
    text = GOOD.replace("[en, de]", "[en, zz]").replace("description: Not shopping.", "description: ''")
    assert len(problems_of(text)) == 2


def test_missing_file_is_a_clear_error(tmp_path):
    from ecomintent.errors import UserError

    with pytest.raises(UserError, match="does not exist"):
        load_taxonomy(tmp_path / "nope.yaml")
