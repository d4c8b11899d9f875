import pytest


@pytest.fixture(scope="session")
def gaz():
    from dateline.geo import default_gazetteer
    return default_gazetteer()


@pytest.fixture(scope="session")
def parse(gaz):
    from dateline.geo import geoparse
    from dateline.nlp import load_nlp, normalise_for_nlp

    def run(text, lang):
        return geoparse(text, load_nlp(lang)(normalise_for_nlp(text)), lang, gaz)
    return run
