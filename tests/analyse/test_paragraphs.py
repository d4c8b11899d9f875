"""The paragraph index that attribution, merging, framing and place fallback share."""
from dateline.analyse.attribution import chains_by_sentence
from dateline.paragraphs import Paragraphs
from dateline.records import SourceRef

TEXT = "Rebels attacked Kani. Police said so.\n\n  Two died.\nLater, more fled. \n"


def test_each_character_belongs_to_one_paragraph_and_a_break_to_the_one_it_ends():
    p = Paragraphs(TEXT)
    assert p.at(0) == 0
    assert p.at(TEXT.index("\n")) == 0          # the blank line and indentation end paragraph 0
    assert p.at(TEXT.index("Two")) == 1
    assert p.at(TEXT.index("Later")) == 2
    assert p.start_of(TEXT.index("died")) == TEXT.index("Two")


def test_a_span_is_placed_by_its_visible_characters():
    p = Paragraphs(TEXT)
    # spaCy keeps the blank line in the sentence before a break, or starts the next one with it
    with_break = (TEXT.index("Police"), TEXT.index("Two"))
    starting_blank = (TEXT.index("\n"), TEXT.index("Later"))
    assert p.of_span(*with_break) == (0, 0)
    assert p.of_span(*starting_blank) == (1, 1)
    assert p.start_of_span(*starting_blank) == TEXT.index("Two")
    assert p.continues((0, TEXT.index("Police")), with_break)
    assert not p.continues(with_break, starting_blank)
    assert not p.continues((TEXT.index("Two"), TEXT.index("Later")), (TEXT.index("Later"), len(TEXT)))


def test_a_source_is_not_inherited_by_a_sentence_that_starts_with_the_blank_line():
    text = "Rebels attacked Kani, the army said.\n\nTwo people died."
    army = SourceRef(name="army", kind="military", start=text.index("army"), end=text.index(" said"))
    # the second sentence holds the blank line at its start: no newline lies between the two
    sentences = [(0, text.index("\n")), (text.index("\n"), len(text))]
    chains = chains_by_sentence(sentences, [army], Paragraphs(text), outlet="AFP")
    assert [s.name for s in chains[0]] == ["AFP", "army"]
    assert [s.name for s in chains[1]] == ["AFP"]
