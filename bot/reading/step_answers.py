"""Answers inside a guided step (done, skip, agree, refuse, confirm, anonymous, real_name, edit): by the
step's words in the data, by their shape, by their sound, or as the first clause of a longer message."""

from __future__ import annotations

import re

from bot import shapes
from bot.reading.normal_form import (
    clauses,
    data,
    has,
    made_of,
    normalise,
    sounds_like,
    trimmed,
    with_politeness,
    word_list,
)
from bot.reading.smalltalk import smalltalk_kind
from bot.reading.wrappers import unwrapped
from bot.reading.wrongs import misconduct
from bot.understand import classify


def _step_forms(norm: str) -> tuple[str, ...]:
    """The message, without particles and lead-ins, and also without a leading 我 or a trailing 了/的/呢:
    我说完了 -> 说完了 -> 说完, ok了 -> ok."""
    short = trimmed(norm)
    forms = [norm, short, _ERHUA.sub("", norm)]  # 完事儿了 is 完事了
    for form in (norm, short):
        bare = form.lstrip("我那就")
        forms.append(bare)
        forms.append(bare[:-1] if len(bare) > 1 and bare[-1] in "了的呢" else bare)
    return tuple(f for f in dict.fromkeys(forms) if f)


# A numbered list's head before one line (1.就这些, 2、没有照片, （1）提交): not a digit after it (1.5万).
_LIST_HEAD = re.compile(r"^\s*[(（]?\d{1,2}\s*[.．、)）]\s*(?=\D)(.+)$")


# The northern 儿 after a word (完事儿, 这点事儿, 没啥事儿): the word without it (儿子, 儿女 stay).
_ERHUA = re.compile(r"(?<=[\u4e00-\u9fff])儿(?![子女童孙媳])")


# A short answer that there is nothing to show: a negation with at most evidence words around it
# (照片没有, 没什么证据, 没照下, 莫有).
_NEGATION = re.compile(
    r"(没有|没得|没|无|莫得|莫|木有|么得|拍不了|拍不到|拍不成|拍不着|拍不上|照不上|照不了|照不成|录不了|录不上|发不了"
    r"|以后再发|以后发|回头再发|以后补|不)"
)
_EVIDENCE_WORDS = re.compile(
    r"(手机|照相|相机|东西|嘛|照片|相片|证据|图片|图|视频|录像|录音|材料|截图|什么|任何|拍下|照下|拍|照|发|也|都|了|的|我|这个"
    r"|就算了|算了|不用了|敢|能|会|方便|好意思|想|让|到|成|着|留|下|坏了|当时|想到|想起|再|以后|回头|过后"
    r"|过|票据|单据|收据|凭证|发票|条子|票|暂时|暂|现在|目前|还|手头|手上|身边|一张|录|必要|上|给|开|收条|单子"
    # the paper that was not photographed (账本我没拍 不敢拍, 合同没拍下来)
    r"|账本|账|合同|协议|名单|存折|折子|流水|字据|欠条|来|凭据|证明|记录|手续|这里|这儿|这边|这|手里)"
)
# No evidence, then why, in one run (没拍羊还在山上哩, 没照 当时太黑): the head says there is nothing to show
# and names what would show it; the rest shows nothing. A head whose last word goes on (没照顾) is no head.
_SHOWING_WORD = re.compile(r"拍|照|录|证据|图|票|收据|凭证")
_WORD_GOES_ON = "顾卖板料相"
# Where would evidence come from (哪来的证据, 上哪弄照片去): there is none.
_WHENCE = re.compile(
    r"(哪|哪里|哪儿|上哪|去哪|从哪)(里|儿)?(来|有|弄|找|拍|去弄|去找|去拍)(的|个)?(什么|啥)?"
    r"(证据|照片|相片|票|收据|凭证|发票)(去|呢|啊)?"
)
# Evidence there is, but not sent now (有聊天截图 但现在发不了, 名单我可以后面补, 账本在我手上 现在不拍): the step
# is passed; it can be sent later with 补充材料.
_SENT_LATER = re.compile(
    r"(以后|后面|后头|回头|过后|之后|改天|晚点|稍后|回去|回家|到家|明天|过两天|过几天|有空)(了)?(再|可以)?(补|发|交|拍|给|照)"
    # not 到现在没发 (a payment still not made: the story)
    r"|(?<![到至])(现在|暂时|这会|眼下)(还)?(发不了|发不成|不发|不拍|拍不了|没法发|没法拍|不方便发|不方便拍|没拍|没照)"
)
_NAME_WORDS = ("名字", "姓名", "真名", "名", "电话")
_NAME_GIVEN = re.compile(r"(写|留|用)上?(我|我的)的?(真)?(名字|姓名|真名|电话)")
# 不想让人知道是我; 千万别说是我, 别告诉他们是我反映的: the reporter's wish to stay unknown, at the identity step.
_UNKNOWN_WANTED = re.compile(
    r"(不想|别|不要|不能|不让|(?<!不)怕)(让|叫|被)?(人|别人|他们|村里|村上|干部|谁).{0,4}知道"
    r"|(别|不要|不能|千万别|千万不要)(说|讲|告诉|透露|提)[^，,]{0,4}?(是我(?!家)|我说的|我反映的|我举报的|我告的)"
)
# 名字莫要留, 名字甭写: 莫 and 甭 say no in the north-west and north.
_NOT_WANT = ("不要", "不想", "不用", "不写", "不留", "不愿", "别写", "别留", "不", "莫", "甭", "别")
_CONFIRM_VERBS = ("提交", "交上去", "发上去", "报上去", "交了吧", "发出去", "确认")
# 交 alone, with only an ok or a 就这样 before it (好 交, 就这么交, 就这样交了).
_HAND_IN = re.compile(r"(好|行|对|嗯|可以|那|就|就这样|就这么|直接|没问题)*交(了|吧|了吧)?")
_HOLD = ("不", "别", "先别", "等", "再")


def means(text: str, kind: str) -> bool:
    """Whether a message inside a guided step is one of its answers (steps in the data): done, skip, agree,
    refuse, confirm, anonymous, real_name, edit. 说完啦, 提交吧 and 好了好了 count; a sentence that contains them does
    not. For done, a short message of nothing but closing words' characters counts too (就说这么多, 完毕).
    Beyond the word lists, each answer is also recognised by its shape (see _by_shape)."""
    words = word_list("steps", kind)
    norm = normalise(text)
    inner = unwrapped(text)
    if inner is not None and means(inner, kind):
        return True  # 你好，说完了，谢谢: a greeting and thanks around the answer
    if kind == "done" and _asked_back_then_done(text):
        return True  # 还有啥要说的？没了: a question to oneself or the listener, then the answer
    if kind == "done" and _NOT_DONE.search(norm):
        return False  # 没说完, 还有
    listed = _LIST_HEAD.match(text)
    if listed and "\n" not in text.strip() and means(listed.group(1), kind):
        return True  # 1.就这些, 2、没有照片, (1) 匿名: one answer written as a numbered list's line
    forms = _step_forms(norm)
    for form in forms:
        if form in words or made_of(form, words) or with_politeness(form, words):
            return True
        # 就这些了没有了: the answer's words joined by 了 / 啦 between them
        if len(form) <= 12 and has(form, words) and made_of(form, (*words, *_JOINTS)):
            return True
    # Particles inside the message count for nothing (这些是哩 完了: 就这些, in the Salar order).
    bare = "".join(ch for ch in norm if ch not in _PARTICLE_CHARS)
    if kind == "done" and 2 <= len(bare) <= 8 and all(ch in str(data()["steps"]["done_chars"]) for ch in bare):
        return True
    if any(_by_shape(form, kind) for form in forms):
        return True
    if kind == "done" and len(norm) <= 20 and _SUMMED_UP.fullmatch(norm):
        return True  # 以上就是我要反映的全部内容
    bare_tail = shapes.without_trailing_filler(norm)
    if bare_tail is not None and not misconduct(norm) and means(bare_tail, kind):
        return True  # 就这么多了你们看: the answer with a word to the listener after it
    if kind in ("done", "skip", "anonymous") and len(norm) <= 12:
        bare = _SAID_FOR.sub("", norm, count=1)
        if bare and bare != norm and means(bare, kind):
            return True  # 奶奶说就这些, 嗯 没别的, 我说没了
    if kind == "skip" and len(norm) <= 24 and _SENT_LATER.search(norm) and not shapes.asks(norm):
        return True  # 有聊天截图 但现在发不了: evidence there is, sent later
    if kind == "skip" and len(norm) <= 24 and _nothing_then_why(norm):
        return True  # 没拍羊还在山上哩: no evidence, and why, in one run
    if kind == "skip" and len(norm) <= 24 and _why_then_nothing(text):
        return True  # 收据他们不给 没有: why first, then no evidence
    if kind == "done" and _done_among_fillers(text, norm):
        return True  # 哦呀 说完了 突及其, 信号不好 说完了: done, with only filler, thanks or an excuse beside it
    if sounds_like(norm, words):  # 挑过 is 跳过 typed by its sound
        return True
    return _first_clause_answers(text, kind)


# After a first clause that answers, what may follow and still leave the answer standing: small talk and
# handing over (说完了 你们看着办); for "no photos", a remark that shows nothing (证据没有 村里人都知道).
_HANDING_OVER = re.compile(
    r"^(你们|您)?(看着办|处理吧|处理一下|看看|费心|帮帮忙|给查查|查一查)"
    r"|^(还有|还要)?(啥|什么|哪些)?(要|需要|得)?(填|写|问|弄|办)的?(你们|你|您)?(问|说)?(吧)?$"
    r"|^(你们|你|您)?(接着|往下|继续)?问(吧)?$|^下一步(吧)?$"
)
_SHOWS_SOMETHING = re.compile(r"有|发了|拍了|录了|照了|等下|等会|马上")


def _first_clause_answers(text: str, kind: str) -> bool:
    parts = clauses(text)
    if not 2 <= len(parts) <= 4 or len(text) > 40 or not means(parts[0], kind):
        return False
    rest = [normalise(part) for part in parts[1:]]
    if kind == "skip":
        return not any(_SHOWS_SOMETHING.search(r) for r in rest)
    if kind in ("anonymous", "real_name", "confirm", "done", "agree"):
        return all(_HANDING_OVER.search(r) or classify(r).name == "smalltalk" or means(r, kind) for r in rest)
    return False


# In front of a short step answer, fillers and whom it is said for (嗯, 对, 奶奶说, 我说, 阿奶讲): the answer
# stands (奶奶说就这些 is done, 她说没拍过 is no photos).
_SAID_FOR = re.compile(
    r"^(嗯|对|哦|噢|好|是|那|啊|唉|算了)*"
    r"(((我|我们|我的|我家)?(奶|奶奶|阿奶|爷爷|阿爷|老人|老人家|老汉|妈|爸|娘|阿妈|阿爸|阿娘|老伴|婆婆|公公|家里人"
    r"|媳妇|老婆|男人|儿子|女儿|孩子)|我|她|他|我们|他们)(说|讲)的?)?"
)
# Summing up: 以上就是我要反映的全部内容, 以上是全部情况.
_SUMMED_UP = re.compile(
    r"以上(就是|是|就|便是|为)?(我|我们)?(要|想)?(反映|说|讲|举报)?的?(全部|所有|主要|全)?的?(内容|情况|事情|问题|事)?(了)?"
)
_NOT_DONE = re.compile(r"没(说|讲|写|发)?完|还没|还有(?!(啥|什么|哪些)(要|需要|得)?(填|写|问|弄|办))|没好|等一下|等等")


# Particles a villager puts anywhere in a short answer (这些是哩 完了, 没了呢 就这些): one character each.
_PARTICLE_CHARS = frozenset("哩呢嘞咧撒噻呗咯喽哟嗷昂啊呀哇哦噢喔")

# Between a step answer's words (就这些了没有了); never an answer alone.
_JOINTS = ("了", "啦", "吧", "呢")


# Nothing more to tell: 没有要补充的, 不补充了, 其他没有了, 暂时就这些, 先这样, 能说的就这些.
_NOTHING_MORE = re.compile(
    r"(没有?|不)(什么|要|再|别的)?(补充|要说|说)的?了?"
    r"|(其他|别的|其它)的?(都|也)?(没有?|没什么)了?"
    r"|(暂时|先|目前|现在|大概|差不多|能说的|知道的|我知道的)(就)?(说|讲)?(这些|这样|这么多|这点)(情况|事)?(了|吧)?"
    # 没有啥了, 再没了, 没有其他的了
    r"|(再|也|别的|其他的?|其它的?)?(没有?|没得|莫得)(啥|什么|其他的?|其它的?|别的)?(要说的|可说的|说的|补充的)?(了|啦)?"
    # 该说的都说了, 能讲的全讲完了, 这就是全部, 就是这么回事
    r"|(该|能|要|想|我)?(说|讲)的(都|全|全都)(说|讲)(了|完了|完)"
    # 该说的说完了, 能讲的也讲到了: the same without 都
    r"|(该|能|要|想|我)(说|讲)的(也)?(说|讲)(完了|完|到了|过了|了)"
    r"|这(就是|是|就)?(全部|所有)(的)?(内容|情况|事情)?(了)?"
    r"|(就是|就)?这么?(个|一)?回事(儿)?(了)?"
)


# Clauses that add nothing beside a finished answer: an ok in another tongue, an excuse for the line.
_BESIDE_DONE = re.compile(
    r"(哦呀|哦|噢|嗯|好|好的|对|是|那|行|啊)+"
    # Vouching for what was said (以上属实, 句句是真的, 我保证都是实话)
    r"|(以上|上面|上述|我说的|说的|以上所说|所说)?(情况|内容|的)?(句句|全部|都|全|完全|确实)?(属实|是真的|是实话|真实)"
    r"|(我)?(保证|敢保证)(句句|全部|都|全)?(属实|是真的|是实话|真实)|(信号|网|网络)(不好|太差|差|不行)(得很)?|(打字|写字)(慢|太慢|不方便)"
    # Busy, or due elsewhere (店里还忙着哩, 俺还得回地里, 手上有活): why the answer is short
    r"|(我|俺)?(店里|家里|地里|铺子里|厂里|这会|这会儿|这边|手上|手头)?(还|正|都|也)?"
    r"(忙|忙着|忙得很|忙死了|有事|有活|有活儿)(哩|呢|咧|嘞|着哩|着呢)?"
    r"|(我|俺)?(还|还要|还得|得|要|赶着)(回|去|赶)(店里|地里|家|厂里|铺子|上班|干活|放羊)(了|哩|呢|去|去了)?"
    # Urging the listener on (你们赶紧查, 快点处理, 抓紧给查查吧): the answer is given, act on it
    r"|(那)?(你们|您|你|领导|干部|纪委)?(就|可)?(赶紧|赶快|快|快点|快些|抓紧|尽快|早点|早些|好好|一定|务必)(给|帮)?(我|俺|我们)?"
    r"(查|查查|查一查|查一下|调查|处理|处理一下|管|管管|管一管|办|办一下|核实|落实|解决|弄|整)(吧|啊|呀|哈|了)?"
    # The rest put off (别的见面说, 其他的回头再讲, 细的电话里唠): nothing more now
    r"|(别的|其他的?|其它的?|剩下的|细的|具体的|详细的)?(见面|当面|回头|以后|改天|过后|电话里|到时候)(再|了再)?(说|讲|聊|唠|谈)(吧|啊|哈)?"
)


def _asked_back_then_done(text: str) -> bool:
    """还有啥要说的？没了, 你还要听啥？没了: short questions that tell nothing (no wrong named), then a last clause
    that is done. A question about the case (社长收钱你们管不管？) is the story, and 没说完 after it is not done."""
    if "？" not in text and "?" not in text:
        return False
    parts = [p for p in clauses(text) if normalise(p)]
    if not 2 <= len(parts) <= 3 or len(normalise(text)) > 20:
        return False
    *asked, last = parts
    if not means(last, "done"):
        return False
    return all(len(normalise(p)) <= 10 and shapes.asks(normalise(p)) and not misconduct(p) for p in asked)


def _done_among_fillers(text: str, norm: str) -> bool:
    parts = [normalise(p) for p in shapes.clauses(text)]
    parts = [p for p in parts if p]
    if not 2 <= len(parts) <= 4 or len(norm) > 24:
        return False
    finished = [p for p in parts if means(p, "done")]
    return bool(finished) and all(
        p in finished or _BESIDE_DONE.fullmatch(p) or smalltalk_kind(trimmed(p), p) in ("thanks", "ok", "bye")
        for p in parts
    )


# Evidence told in words at the evidence step, with no photo now: a paper or witness held (有票, 收据在我这,
# 全村人都能作证), or a thing anyone can go and see (牛在他家圈里拴着哩 你们去看, 大棚就在路边 谁都能看见).
# Papers and witnesses only: who says 有照片 or 有截图 is about to send it, and the step waits for it.
_PAPERS = r"(票据|单据|收据|收条|欠条|单子|凭证|发票|条子|字据|票|证人|账本|合同|协议|名单|存折|折子|流水|对账单)"
# A paper held, or one that can be shown or photographed (存折可以拍, 折子能拿给你们看).
_HELD = re.compile(
    rf"(?<![没莫无不])(有|留着|留了|保存着|保存了|存着|收着|拿着)(的|那|几|一)?(张|个|份|本)?{_PAPERS}"
    rf"|{_PAPERS}(都|也|还)?(在|留在|放在)(我|我们|我家|家|手)"
    # the paper first, then who holds it (收条俺有, 票我家里有着哩)
    rf"|{_PAPERS}(我|俺|我们|俺们|我家|俺家)?(家里|手里|手上)?(都|也|还)?有(着|的)?"
    rf"|{_PAPERS}(都|也|还)?(可以|能)(拍|照|拿|给你们看|给你看|拿出来|拿来)"
    # a paper that shows it (存折上能看出来, 折子上都有记录, 收据上写着呢)
    rf"|{_PAPERS}(上|里|上面|里面)(都|也|还)?(能|可以)?(看出来|看得出来|看得出|看到|看得到|看得见|查到|查得到|有记录"
    r"|写着|记着|写得清楚|清清楚楚)"
    # a paper kept elsewhere, for the staff to fetch (合同在村委会 你们去调, 账本在乡上 你们可以去要)
    rf"|{_PAPERS}.{{0,8}}?(你们|您|你|干部|领导|纪委|上面)(可以|能|就)?(去|来|过去|过来)?(调|要|取|拿|翻|查)"
)
_SEE_FOR_YOURSELF = re.compile(
    r"(你们|您|你|干部|领导|纪委|上面)(可以|能|就)?(来|去|过来|过去|下来|到)(村里|他家|现场|地里)?(看|查|问|瞧)"
    r"|(谁|大家|人人|全村人|全村|村里人|村上人|过路的人|路过的人)(都|也)(能|可以)?"
    r"(看见|看得见|看到|看得到|瞧见|知道|作证|证明)"
    r"|(大家|全村人|村里人|村上人)(能|可以)(看见|看得见|看到|看得到|作证|证明)"
    r"|(一|去)(看|查|问)就(知道|清楚|明白)"
    r"|(?<![不没])(能|可以|愿意)(出来)?作证"
)

# Asked, not told (有票吗, 你们能来看看不): a question about the evidence is not evidence.
_ASKED = re.compile(r"吗|么$|不$|没$|能不能|可不可以|要不要|行不行|是不是|有没有|会不会|用不用|算不算")
# About to send (等下发, 马上拍): the step waits.
_SENDING_NOW = re.compile(r"(等下|等会|等一下|马上|这就|稍等|一会)(儿)?(就)?(发|拍|照|传)")


# Evidence there is, to be sent later (有合同 回头发, 裂缝照下了 等我孙子来了发): held or taken, then a time to
# come and a sending. Sending in a moment (等一下就发, 等下发) is not later: the evidence step waits for it.
_TAKEN = re.compile(
    rf"(?<![没莫无不])(有|照下了|照下|拍下了|拍下|拍了|照了|截了|截图了|存着|留着|录了){_PAPERS}?"
    rf"|{_PAPERS}|截图|照片|相片|视频|录像|录音|聊天记录"
)
_LATER_SENT = re.compile(
    r"(晚点|晚上|明天|回头|改天|过两天|过几天|之后|以后|回去|回家"
    r"|等(我|俺)?的?.{0,6}(来了|回来|回家|到家|有空|有网|下班|放学))"
    r"(了)?(再|就)?(给你们|给您|给你)?(发|传|拍|补|交)"
)


def evidence_promised(text: str) -> bool:
    """At the evidence step, evidence held and promised later (有合同 回头发, 房子的裂缝 照下了 等我孙子来了发):
    not a question, and no negation of the evidence (没有照片)."""
    norm = normalise(text)
    if not norm or len(norm) > 40 or "?" in text or "？" in text or shapes.asks(norm):
        return False
    if re.search(r"(没|莫|无)(有|得)?(照片|证据|图|截图|拍|照)", norm):
        return False
    return _TAKEN.search(norm) is not None and _LATER_SENT.search(norm) is not None


def evidence_in_words(text: str) -> bool:
    """At the evidence step, evidence told in words and nothing sent (有票, 牛在他家圈里拴着哩 你们去看): there is
    something to see or ask for but no photo now. Not a question (有票吗), not a negation (没有票, 看不见)."""
    norm = normalise(text)
    if not norm or len(norm) > 60 or "?" in text or "？" in text or _ASKED.search(norm):
        return False
    if _SENDING_NOW.search(norm):
        return False
    return _HELD.search(norm) is not None or _SEE_FOR_YOURSELF.search(norm) is not None


def _why_then_nothing(text: str) -> bool:
    """收据他们不给 没有, 手机坏了 拍不了: a last clause saying there is no evidence, after a short why that shows
    nothing, asks nothing and tells no more of the story (no village, cadre or money named)."""
    parts = clauses(text)
    if not 2 <= len(parts) <= 3:
        return False
    last = normalise(parts[-1])
    if not (_by_shape(last, "skip") or last in word_list("steps", "skip")) or last in _NOT_EVIDENCE_ANSWERS:
        return False
    why = normalise("".join(parts[:-1]))
    if _PAPER_WITHHELD.search(why) and len(why) <= 12:
        return True  # 单据村上没给 没有: whoever withheld the paper, it is why there is none
    if _PAPER_ELSEWHERE.search(why) and len(why) <= 16 and not shapes.asks(why):
        return True  # 订单的单子在理事长手里 我这里莫有: the paper is in another's hands
    if _NO_TRACE.search(why) and len(why) <= 12 and not shapes.asks(why):
        return True  # 钱是给的现金 没有凭据: paid by hand, so nothing on paper
    told = shapes.flat_statement(why, least=1) or misconduct(why)
    return bool(why) and not shapes.asks(why) and not _SHOWS_SOMETHING.search(why) and not told


_PAPER_WITHHELD = re.compile(rf"{_PAPERS}.{{0,4}}(没给|不给|没开|不开|没有给|不肯给|没打)")
# The paper in someone else's hands (单子在理事长手里, 账本在会计那儿, 合同都在村上放着).
_PAPER_ELSEWHERE = re.compile(
    rf"{_PAPERS}.{{0,4}}(都|也|还)?(在|让|被)(?!我|俺)[^，,]{{1,6}}(手里|手上|那里|那儿|那|家里|拿着|收着|放着|锁着)"
)
# Money that went by hand or by word, leaving nothing on paper (给的现金, 当面塞给他的, 嘴上说的).
_NO_TRACE = re.compile(r"现金|现钱|当面(给|交|塞)|私下(给|交|塞)|塞给|手上给|手里给|口头|嘴上(说|讲)")
# Skip words that say nothing of evidence after a why (不知道, 不清楚: the why may be about anything).
_NOT_EVIDENCE_ANSWERS = frozenset({"不知道", "不清楚", "不用", "不用了", "不需要"})


def _nothing_then_why(norm: str) -> bool:
    """A head of two to eight characters that says no evidence (没拍, 照片莫有), then a short why that shows
    nothing and speaks of no village, cadre or money (that would be more of the story): 没拍羊还在山上哩."""
    if shapes.asks(norm) or len(norm) > 16:
        return False
    for end in range(2, min(8, len(norm) - 1) + 1):
        head, tail = norm[:end], norm[end:]
        if tail[0] in _WORD_GOES_ON or not _SHOWING_WORD.search(head) or not _by_shape(head, "skip"):
            continue
        told = shapes.flat_statement(tail, least=1) or misconduct(tail)
        return not _SHOWS_SOMETHING.search(tail) and not told
    return False


def _by_shape(norm: str, kind: str) -> bool:
    if not norm or len(norm) > 12:
        return False
    if kind == "skip":
        if _WHENCE.fullmatch(norm):
            return True
        rest = _EVIDENCE_WORDS.sub("", norm)
        return bool(_NEGATION.search(norm)) and _NEGATION.sub("", rest) == ""
    if kind == "anonymous":
        if _UNKNOWN_WANTED.search(norm):
            return True  # 不想让人知道是我
        if any(w + "实名" in norm for w in ("不", "不要", "不用", "别")):
            return True
        if "匿名" in norm:
            return not any(w + "匿名" in norm for w in ("不", "不要", "不用", "别"))
        return any(n in norm for n in _NAME_WORDS) and any(w in norm for w in _NOT_WANT) and "实名" not in norm
    if kind == "real_name":
        if _NAME_GIVEN.search(norm) and not any(w in norm for w in ("不", "别", "没", "莫", "甭")):
            return True  # 写我名字, 留我的电话
        return "实名" in norm and not any(w in norm for w in ("不实名", "不要实名", "不用实名"))
    if kind == "confirm":
        if _HAND_IN.fullmatch(norm):
            return True
        hit = next((v for v in _CONFIRM_VERBS if v in norm), None)
        return hit is not None and not any(h + hit in norm or h + "要" + hit in norm for h in _HOLD)
    if kind == "done":
        if _NOTHING_MORE.fullmatch(norm):
            return True
        # 我说完了, 讲完啦, 就这么个事
        return (
            re.fullmatch(
                r"(我们|俺们|咱们|我|俺|咱|他|她)?(俩|两个|两口子|一家)?(都|已经|已|全部|全都|全)?"
                r"(说|讲|写|发|打|汇报|反映|报告|交代)(完|完毕|完了)(了|啦)?(就这|就这些)?"
                r"|(情况|事情|事|大概|基本上?|反正)?(嗯|对)?(就是|就)?这(么)?(个|点|些|样)(事情|事|情况)?(了)?",
                norm,
            )
            is not None
        )
    return False


def done_then_remark(text: str) -> str | None:
    """差不多就这些 账本我见过: a first clause that finishes the story, then one short remark that asks nothing.
    The remark (the villager's own words) is more of the story; the story is finished. None otherwise."""
    parts = clauses(text)
    if not 2 <= len(parts) <= 3 or _NOT_DONE.search(normalise(text)) or not means(parts[0], "done"):
        return None
    rest = " ".join(parts[1:])
    norm = normalise(rest)
    if not 2 <= len(norm) <= 16 or shapes.asks(norm) or means(rest, "done"):
        return None
    return rest
