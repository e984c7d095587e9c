"""A small language guesser for shopper messages: common function words plus characteristic letters.

Good enough to tell whether a rewritten query is still in the language of its row (en, de, fr, es, it,
pt, pl, hr); not a general language identifier. Every word or letter is evidence for each language that
uses it, weighted by 1 / (number of languages sharing it), so shared words ("a", "in", "de") count little
and distinctive ones ("nicht", "ñ", "ł", "đ") count fully. A text with too little evidence is "unknown".
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

_WORDS: dict[str, str] = {
    "en": """
        the a an is are was were be been am i i'm i'd i'll i've me my mine you you're your it it's its
        to of and or but for with from about at on in into by this that these those there here not no
        don't doesn't didn't isn't can't won't can could would should will do does did have has had
        how what what's where when why which who whom if just still yet already any some please
        want need get got thanks thank hi hello there's one again""",
    "de": """
        der die das den dem des ein eine einen einem einer ich du sie wir ihr mein meine meinen meinem
        meiner mir mich dich dir uns euch ist sind war bin bist habe hast hat haben nicht kein keine
        keinen und oder aber mit für von zu zum zur auf bei nach wie was wo wann warum welche welcher
        welches kann kannst können könnt möchte möchten bitte noch schon auch gibt es wird werden bis
        dass ob sich jetzt mal doch gerne danke hallo ihre ihren ihrem euer eure wieso weshalb über man
        am im in ins vom beim""",
    "fr": """
        le la les un une des du de je tu il elle nous vous ils elles mon ma mes ton ta tes votre vos
        est suis sont ai as avez avons a pas ne et ou mais avec pour dans sur par que qui quoi quand
        comment où pourquoi quel quelle quels quelles peux pouvez peut voudrais veux merci bonjour ce
        cette ces au aux y en encore déjà toujours j' l' d' qu' n' c' s' m' c'est j'ai n'est s'il
        est-ce moi toi lui leur leurs""",
    "es": """
        el la los las un una unos unas de del al y o pero con para por en que qué cómo cuándo dónde
        cuál cuáles mi mis tu tus su sus yo me es está están son estoy tengo tiene tienen hay no sí
        puedo puede pueden quiero quisiera necesito gracias hola muy ya todavía aún este esta esto
        estos lo le les se usted ustedes cuánto cuánta también favor nos hasta desde""",
    "it": """
        il lo la i gli le un uno una di del della dei delle dello da dal dalla in nel nella con per su
        sul sulla che e è o ma non sono ho hai ha abbiamo avete hanno mio mia miei mie tuo tua vostro
        vostra suo sua come quando dove perché quale quali posso può potete vorrei voglio grazie ciao
        buongiorno ancora già anche questo questa mi ti ci si sia l' dell' all' nell' un' c'è""",
    "pt": """
        o a os as um uma de do da dos das em no na nos nas com para por pelo pela que e ou mas não sim
        é está estão são sou estou tenho tem têm meu minha meus minhas seu sua você vocês eu me como
        quando onde porque qual quais posso pode podem quero queria gostaria preciso obrigado
        obrigada olá oi ainda já também isso este esta esse essa ao à pra até""",
    "pl": """
        i w z na do od po za o że nie tak jest są był była mam masz ma mój moja moje mojego mojej moim
        mi mnie się jak kiedy gdzie dlaczego czy co który która które mogę może można chcę chciałbym
        chciałabym proszę dziękuję dzień dobry cześć jeszcze już też także ten ta to tego ale lub albo
        bo przez dla jaki jaka jakie moją państwo pan pani""",
    "hr": """
        i u na za od do s sa o po iz je su sam si smo ste nije ne da li moj moja moje mojoj mog mi me
        se kako kada kad gdje zašto što koji koja koje mogu može možete želim htio htjela trebam
        molim hvala bok pozdrav još već također ovaj ova ovo ali ili jer kroz vas vaš vaša vaše bih
        biste mojom mene meni""",
}

# Letters that point to a language (shared ones count for each language that uses them).
_LETTERS: dict[str, str] = {
    "en": "",
    "de": "äöüß",
    "fr": "éèêàçùâîôûëïœ",
    "es": "ñáéíóú¿¡",
    "it": "àèéìòù",
    "pt": "ãõçáéíóúâêôà",
    "pl": "ąćęłńóśźż",
    "hr": "čćđšž",
}

LANGUAGE_CODES = tuple(_WORDS)
MIN_EVIDENCE = 1.5  # below this, the text is too short to tell

_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]*)*")


def _table(source: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    users: dict[str, set[str]] = defaultdict(set)
    for code, items in source.items():
        for item in items:
            users[item].add(code)
    return {item: {code: 1.0 / len(codes) for code in codes} for item, codes in users.items()}


_WORD_WEIGHTS = _table({code: words.split() for code, words in _WORDS.items()})
_LETTER_WEIGHTS = _table({code: list(letters) for code, letters in _LETTERS.items()})


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).lower().replace("\u2019", "'").replace("`", "'")
    out = []
    for tok in _TOKEN.findall(text):
        out.append(tok)
        if "'" in tok:  # elisions and contractions: "j'ai" -> "j'", "ai"; "dell'ordine" -> "dell'"
            head, _, tail = tok.partition("'")
            out.append(head + "'")
            if tail:
                out.append(tail)
    return out


def scores(text: str) -> dict[str, float]:
    """Evidence for each language code (higher is more likely)."""
    out = dict.fromkeys(LANGUAGE_CODES, 0.0)
    for tok in _tokens(text):
        for code, w in _WORD_WEIGHTS.get(tok, {}).items():
            out[code] += w
    for ch in unicodedata.normalize("NFC", text).lower():
        for code, w in _LETTER_WEIGHTS.get(ch, {}).items():
            out[code] += w
    return out


def detect(text: str) -> str | None:
    """The most likely language code, or None when the text is too short (or too ambiguous) to tell."""
    s = scores(text)
    best = max(s.values())
    if best < MIN_EVIDENCE:
        return None
    winners = [code for code, v in s.items() if v == best]
    return winners[0] if len(winners) == 1 else None


def matches(text: str, language: str) -> bool:
    """True when `text` is plausibly in `language`: it scores best (ties count) or cannot be told."""
    s = scores(text)
    best = max(s.values())
    return best < MIN_EVIDENCE or s.get(language, 0.0) >= best
