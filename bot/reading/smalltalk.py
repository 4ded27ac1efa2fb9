"""Ways around and small talk: navigation words, thanks and greetings, praise of the service, and asking
for a person."""

from __future__ import annotations

import re

from bot.reading.normal_form import clauses, data, has, made_of, normalise, trimmed, with_politeness, word_list
from bot.reading.wrongs import misconduct

# Navigation words that every state honours (the state may act first, e.g. 返回 goes back one step).
NAVIGATION = ("menu", "back", "cancel", "restart", "help", "more", "repeat")

_BETWEEN_PARTICLES = re.compile(r"[呢啊呀吧嘛哈哩咧嘞](?=.)")


# Owning to a wrong pick (选错了, 刚才点错了, 按错了): going back, or the way named after it (选错了 返回, 点错了 取消).
_PICKED_WRONG = re.compile(
    r"^(哎呀|哎|唉|呀|不好意思|对不起|不对|不是)*(我|刚才|刚刚)*(选|点|按|摁|挑)(错|岔)(了|啦)?(类别|类型|选项|类|号)?(了|啦)?"
)


# Not having understood (没看懂): help alone, but beside 再说一遍 the step said again.
NOT_UNDERSTOOD = ("没看懂", "看不懂", "没看明白", "看不明白", "没搞懂", "搞不懂", "没弄懂", "弄不懂")


def navigation_word(short: str) -> str | None:
    wrong = _PICKED_WRONG.match(short)
    if wrong is not None:
        rest = short[wrong.end() :]
        return "back" if not rest else navigation_word(rest)
    forms = (short, short.lstrip("我那就"))  # 我不弄了退出 is 不弄了 and 退出
    for name in NAVIGATION:
        words = word_list("navigation", name)
        if any(f and (f in words or made_of(f, words) or with_politeness(f, words, alone=False)) for f in forms):
            return name
    # 没看懂再说一遍: not understood, and the step asked for again: the step is said again, not left for help.
    again = word_list("navigation", "repeat")
    if any(has(f, again) and made_of(f, again + NOT_UNDERSTOOD) for f in forms):
        return "repeat"
    # 这个阿么用呢 帮助一哈, 这咋弄哩 帮助: help asked twice with a particle between; 这 points at the service.
    bare = _BETWEEN_PARTICLES.sub("", short)
    helps = word_list("navigation", "help")
    if bare != short and any(made_of(b, helps) for b in (bare, bare.removeprefix("这"))):
        return "help"
    # 这玩意儿咋用, 你们这个公众号怎么使, 这东西咋用 给我讲讲: how to use the service, named in other words,
    # with an ask to be told beside it.
    for base in {bare.lstrip("我那就"), short.lstrip("我那就")}:
        pointed = _EXPLAIN_ME_AROUND.sub("", _THE_SERVICE_LAST.sub("", _THE_SERVICE.sub("", base, count=1)))
        if pointed != base and pointed and (pointed in helps or _HOW_TO_USE.fullmatch(pointed)):
            return "help"
    return None


# The service pointed at in other words (这玩意儿, 这东西, 你们这个公众号): what a how-to-use question speaks of.
_THE_SERVICE = re.compile(
    r"^(你们|我们)?(这|这个|那个|的)?(个)?(玩意儿?|东西|公众号|号|程序|小程序|系统|软件|机器人|平台|清风|服务|app)?"
)
_THE_SERVICE_LAST = re.compile(r"(你们)?(这|这个|你们的)(个)?(玩意儿?|东西|公众号|程序|小程序|系统|软件|机器人|平台)$")
_HOW_TO_USE = re.compile(
    r"(到底|究竟)?(要)?(怎么|如何|怎样)(个)?(用|使|使用|弄|操作|玩|搞)(的|呢)?(法)?"
    r"|(是)?(干|做|弄)(什么?|嘛|啥)(用)?的|(有)?什么用(处)?|(不会|不懂|不知道怎么)(用|弄|使|操作)"
    r"|(能|可以)(干|做|办|弄)(什么?|嘛|啥)(用)?(的)?"
)
# Asking to be told or taught (给俺说道说道, 跟我讲讲, 教教我): beside a how-to-use question, still help.
_EXPLAIN_ME = (
    r"(你|你们)?(给|跟|和|帮|替)?(我|我们)?"
    r"(说道说道|说道|讲讲|讲一讲|讲一下|说说|说一说|说一下|介绍介绍|介绍一下|介绍|教教|教一教|教一下|指点指点|指点一下"
    r"|解释一下|解释解释|讲解一下|唠唠|唠一唠)(我|我们)?(呗|吧)?"
)
_EXPLAIN_ME_AROUND = re.compile(rf"^{_EXPLAIN_ME}|{_EXPLAIN_ME}$")
EXPLAIN_ME = re.compile(_EXPLAIN_ME)


def explain_me(norm: str) -> bool:
    """A clause that only asks to be told (给我说道说道, 跟俺讲讲): help beside a how-to-use question."""
    return EXPLAIN_ME.fullmatch(norm) is not None


# Why one wants a person rather than typing (我打不来字, 俺不会打字, 眼睛看不清字): nothing asked by it.
_CANNOT_TYPE = re.compile(
    r"^(我|我们)?(年纪大了|岁数大了|老了)?(眼睛|眼神|眼)?(也|都|还)?"
    r"(打不来字|不会打字|打字打不来|打不了字|打字不会|打字慢|打字太慢|打字费劲|不识字|不认字|字不认识|字认不得|认不得字"
    r"|不会写字|写不来字|看不清字?|看不清楚|不好使|不好|花了|不太会打字|打不好字)(了|啊|呀)?$"
)


def cannot_type(norm: str) -> bool:
    return _CANNOT_TYPE.fullmatch(norm) is not None


# Saying one is new to the service or cannot use it (俺第一次用这个, 刚关注, 不会用这个): beside 帮助, help.
_NEW_TO_IT = re.compile(
    r"^(我|我们|我家)?(是)?(第一次|头一次|头一回|头回|刚|才|刚刚|新)(开始)?(用|使|关注|进来|来|加|注册)(这个|你们|的|了|上)*$"
    r"|^(我|我们)?(还|也|都)?(不会|不懂|不知道怎么)(用|弄|使)?(这个|你们的?)?(东西|玩意儿?|公众号)?$"
)


def new_to_it(norm: str) -> bool:
    return len(norm) <= 14 and _NEW_TO_IT.search(norm) is not None


# A letter's courtesies and a villager's kind words, in any order and nothing else: how it is addressed
# (尊敬的领导), greetings, thanks with what for (感谢党和政府对我家的关心帮助, 不胜感激), wishes (祝你们工作顺利
# 身体健康), care (大冷天的, 注意身体) and the closing (此致 敬礼). None of them can hold a question or a wrong.
_WHOM = r"(党和政府|党和国家|党中央|党|政府|国家|组织|你们|您|你|各位|大家|领导们?|同志们?|工作人员们?|干部们?|老师们?)"
_HELPED = r"(关心|帮助|照顾|关怀|支持|帮扶|付出|关爱|厚爱|好政策|政策|扶持|救助|操心)"
_COURTESY = re.compile(
    r"(?:"
    rf"尊敬的(各位)?{_WHOM}"
    rf"|{_WHOM}?(您好|你们好|你好|好)"
    r"|(非常|十分|万分|衷心|真心|真诚|特别|深深|再次|在此|先)?(不胜感激|感激不尽|感激|感谢|感恩|谢谢|多谢|致谢|表示感谢|深表感谢)(了)?"
    rf"|{_WHOM}+(这些年|多年来|一直以来|长期以来|一直|这几年)?((对|给|为)(我|我们|我家|我们家|全家|我们全家|群众|老百姓|村里|我们村|乡亲们|大家))?"
    rf"(的|所做的)?({_HELPED}(和|与|及|、)?)+"
    rf"|(对|给|为)(我|我们|我家|我们家|全家|我们全家|群众|老百姓|村里|我们村|乡亲们)(的|所做的)?({_HELPED}(和|与|及)?)+"
    rf"|(祝|祝愿|敬祝|恭祝|祝福|愿){_WHOM}?"
    r"|工作顺利|身体健康|万事如意|阖家幸福|阖家欢乐|合家欢乐|家庭幸福|吉祥如意|心想事成|一切顺利|平安健康|健康长寿"
    r"|天天开心|步步高升|事业有成|扎西德勒|新年快乐|节日快乐|平平安安|健健康康|顺顺利利"
    r"|(大冷天|大热天|天冷|天热|这么冷的天|这么热的天|冷天|下雪天|下雨天|大过年|大过节|大周末|大晚上|这么晚)(的|了)?"
    r"|(你们)?(还|都)(在)?(上班|加班|值班|忙着|忙)(呢|哩)?|辛苦(了|啦)?"
    r"|注意(身体|保暖|休息|安全)|保重(身体)?|多穿(点|些)?(衣服)?|别(累着|冻着|太累)了?|早点休息"
    r"|(我)?(没事|没什么事)(儿)?|(就是|只是|专门)?(来|过来)?(给你们|跟你们|向你们|给大家)?(问个好|问声好|问好|问候一下|拜个年|打个招呼)"
    rf"|此致|敬礼|敬上|谨上|致礼|祝好|顺颂(时祺|商祺)?|再次|也|都|了|的|啊|呀|哈|{_WHOM}"
    r")+"
)
# What only words of thanks, wishes or care carry (a lone 好 or 的 is not a courtesy).
_COURTESY_CORE = re.compile(
    r"感|谢|祝|愿|此致|敬礼|敬上|谨上|尊敬|辛苦|冷|热|注意|保重|多穿|累着|冻着|休息|问.{0,2}好|问候|拜个年|招呼|[顺康意福乐成]"
)


def courtesy(norm: str) -> bool:
    return _COURTESY.fullmatch(norm) is not None and _COURTESY_CORE.search(norm) is not None


def smalltalk_kind(short: str, norm: str) -> str | None:
    if not norm:
        return "emoji"
    for kind, words in data()["smalltalk"].items():
        if made_of(short, tuple(str(w) for w in words)) or made_of(norm, tuple(str(w) for w in words)):
            return str(kind)
    if courtesy(norm):
        return "thanks"
    every = tuple(str(w) for words in data()["smalltalk"].values() for w in words)
    # 谢谢领导, 你们辛苦了, 谢谢你们 你们也辛苦了, 收到了: small talk with whom it addresses and the small
    # words between (也, 了, 真), but never the addressee or those words alone.
    addressees = word_list("addressees")
    fillers = word_list("smalltalk_fillers")
    for form in (short, norm):
        if made_of(form, every + addressees + fillers) and not made_of(form, addressees + fillers):
            for kind, words in data()["smalltalk"].items():
                if has(form, tuple(str(w) for w in words if len(str(w)) >= 2)):
                    return str(kind)
            return "ok"
    return None


# Praise, a joke or laughter about the service (哈哈 你们这个还挺好使 比村上的大喇叭强): small talk.
_LAUGH = re.compile(r"(哈|呵|嘿|嘻|h){2,}|笑死|太逗|逗死")
_PRAISE = re.compile(
    r"好使|好用|方便(?!面)|不错|点赞|厉害|给力|靠谱|管用|实用|省事|挺好|真好|很好|太好了|真棒|挺棒|太棒|好棒|牛逼|真牛|太牛|挺牛|赞|666|强多了|聪明|灵得很"
    r"|比.{1,12}?(强|好|方便|管用|省事|快|灵)|好得很|好得太|太好|真好|就是好|越来越好"
    # Qinghai and northwest praise: 攒劲 (great), 美得很 / 美滴很, 排场 (fine).
    r"|攒劲|美得很|美滴很|美的很|排场"
    # Internet praise the young write: yyds (永远的神), 绝了, 真香, 好评, 针不戳 (真不错).
    r"|yyds|永远的神|绝绝子|绝了|真香|五星好评|好评|神器|宝藏|针不戳|太强了|真强"
)
_NOT_PRAISE = re.compile(
    r"(不|没|没有|不太|不怎么|一点也不|一点都不)(好使|好用|方便|管用|实用|省事|灵|行|强|快|攒劲|美|排场)"
)
# Whom or what praise speaks of, and the small words around it: what may stand beside the praise words.
_PRAISED = re.compile(
    r"你们|你|这个|这东西|这玩意儿?|清风|公众号|小程序|系统|软件|程序|服务|机器人|东西|还|挺|真|太|很|蛮|比较|也|都"
    r"|的|了|啊|呀|哈|用着|用起来|确实|实在|真是|是|就是|比以前|以前|现在"
    r"|共产党|党和政府|党|政府|国家|政策|习主席|总书记|日子"
)
_QUESTIONED = re.compile(r"吗$|么$|嘛$|怎么|什么|多少|哪|谁|能不能|可不可以|为什么|咋|几|是不是|有没有")


# Praise told as what the people around say (阿姐们都说你们这个好用, 村里人都夸这个方便, 我阿妈说挺好使): who
# says it is no matter of the village. A cadre saying it (书记说) is not one of these.
_SAID_BY = re.compile(
    r"^(大家|大伙儿?|乡亲们|村里人|村里的人|邻居们?|别人|人家|好多人|很多人|老人们|年轻人|家里人|亲戚们"
    r"|[\u4e00-\u9fff]{1,3}们|(我|俺|我们|俺们)?(家)?(阿|老)?(姐|妹|哥|弟|嫂子|婶子|姨|爸|妈|奶奶|爷爷|大|娘|媳妇|老汉|老伴)们?)"
    r"(都|也|全)?(说|讲|夸|觉得|讲的|说的)"
)


def _praise_clause(norm: str) -> bool:
    said_by = _SAID_BY.match(norm)
    if said_by is not None and not misconduct(norm[: said_by.end()]):
        if said_by.group(0).endswith("夸") and not _QUESTIONED.search(norm):
            return len(_PRAISED.sub("", norm[said_by.end() :])) <= 2  # 大伙都夸你们
        norm = norm[said_by.end() :] or norm
    if not _PRAISE.search(norm) or _NOT_PRAISE.search(norm) or _QUESTIONED.search(norm):
        return False
    rest = _PRAISE.sub("", norm)
    return len(_PRAISED.sub("", rest)) <= 2 or re.search(r"比.{1,12}?(强|好|方便|管用|省事|快|灵)", norm) is not None


def praise_only(text: str, norm: str) -> bool:
    """Every clause laughter, small talk or praise of the service, and at least one praise: nothing else told.
    No wrong, trouble, ask to report or question may be inside (classify checks those first)."""
    if not norm or len(norm) > 40:
        return False
    parts = [normalise(part) for part in clauses(text)]
    praised = False
    for part in (p for p in parts if p):
        if _praise_clause(part):
            praised = True
        elif not (_LAUGH.fullmatch(part) or smalltalk_kind(trimmed(part), part) is not None or _called(part)):
            return False
    return praised


# Passing words beside a greeting or thanks: taking a break (店里歇一哈, 地里干活累了歇会儿) or inviting the
# staff over (杏子熟了来民和吃杏子, 有空来家里坐坐). They ask nothing; a question in them is never this.
_IDLE = re.compile(
    r"^.{0,6}?(歇一下|歇一会儿?|歇会儿?|歇着|休息一下|休息会儿?|闲着|闲了|得空|有空了|路过)(的时候)?.{0,4}$"
)
_INVITE = re.compile(r"^.{0,8}?(来|到)(我们|我)?.{0,4}?(吃|喝|玩|耍|坐坐|坐一坐|做客|转转|浪)(一下|一哈|下)?.{0,4}$")


def chat_only(text: str) -> bool:
    """Every clause small talk, laughter, a break or an invitation, and at least one small talk or laughter."""
    parts = [normalise(part) for part in clauses(text)]
    parts = [p for p in parts if p]
    if not 2 <= len(parts) <= 4:
        return False
    chatted = False
    for part in parts:
        if _LAUGH.fullmatch(part) or smalltalk_kind(trimmed(part), part) is not None:
            chatted = True
        elif _QUESTIONED.search(part) or misconduct(part) or not (_IDLE.match(part) or _INVITE.match(part)):
            return False
    return chatted


def _called(norm: str) -> bool:
    """Whom the praise is told to, alone in its clause (宝子们 这个公众号绝了, 老师 你们这个好用)."""
    return made_of(norm, word_list("addressees") + word_list("smalltalk_fillers"))


# Calling someone to answer: 叫个干部来回答一下, 让工作人员回复, 来个人说说.
# A bare 人 only with a measure word (叫个懂政策的人来): 请人看病 is not asking for a person.
_SUMMON = re.compile(
    r"(叫|找|让|请|派|来|安排|弄|喊|由)(你们的?|(乡上|镇上|县上|县里|乡里|上面)的?)?"
    r"((个|一个|位|一位)?((乡上|镇上|县上|县里|乡里|村上)的?)?(懂.{0,4}?的)?(干部|领导|工作人员|真人|人工|客服|同志)"
    # whoever is in charge, or a grown-up when the service is taken for a child (叫你家大人来, 喊个管事的来)
    r"|(个|一个|位|一位|你们家?的?|你家的?)?(管事的|负责的|负责人|当官的|说了算的)|(个|一个|你们家?的?|你家的?)大人"
    r"|(个|一个|位|一位).{0,5}?人)(来|过来)?(给我|跟我|和我)?(亲自|直接|当面|专门|尽快|马上|赶紧)?"
    r"(回答|回复|答复|解答|说话|说|接|处理|看|问|出来|回个话|回话|打电话|打个电话|联系|唠唠|唠嗑|唠|聊聊|聊|$)(?!了|过)"
)
SUMMON = _SUMMON


# Asking whether a person is there to answer: 有没有乡上的干部能回答我, 有没有人能回复一下.
# What may follow a polite summons and leave it an ask for a person (…答复我的问题？).
_SUMMON_TAIL = re.compile(r"(一下)?(我|我们)?的?(问题|事|事情)?(一下)?(吗|呢|吧|可以吗|行吗)?")
_ANYONE_TO_ANSWER = re.compile(
    r"^有没有(个|一个|位|一位)?.{0,4}?(干部|领导|工作人员|真人|人工|客服|人|懂的人)"
    r"(能|可以|来|会)?(回答|回复|答复|解答|说话)(一下)?(我|我们)?$"
)


# Asking for whoever is in charge: 有没有管事的人, 找个负责的, 说了算的在不在, 有负责的同志没.
_IN_CHARGE = re.compile(
    r"^(有没有|有|找|叫|要找|想找)?(个|一个|位|一位)?(能)?(管事|负责|说了算|当家)的(人|领导|干部|同志|工作人员)?"
    r"(吗|没|没有|在吗|在不在|在没|呢)?$"
)
# Asking to be put through to a person with a word inside the command: 转个人工, 转到人工, 给我接个真人.
# The hotline's own staff count too (转一下话务员, 接个值班的).
_PUT_THROUGH = re.compile(
    r"(转|接|换)(个|一个|一下|下|到|给|成|为)+(人工|真人|客服|话务员|接线员|值班的|值班员|值班人员|坐席|热线员)"
)
PUT_THROUGH = _PUT_THROUGH
# The words of an ask for a person said in the speaker's own order (人 有没有 说话的 跟我, 跟我说话的人有没有):
# a person, a verb of talking or answering, and nothing but the small words of asking around them.
_PERSON_NOUNS = ("工作人员", "干部", "领导", "真人", "人工", "客服", "同志", "活人", "人")
_TALK_VERBS = ("说话", "说说", "聊聊", "回答", "答复", "回复", "解答", "回个话", "回话", "接电话", "说", "聊", "讲")
_ASK_WORDS = ("有没有", "有没", "在不在", "在没", "在吗", "没有", "有", "在", "能", "会", "来", "个", "一个", "位")
# Wanting and insisting said beside them (人 真的 有吗 干部 说话 要, 到底有没有干部能说话 我想要).
_WANT_WORDS = ("真的", "到底", "究竟", "想要", "要", "想", "就是")
_TO_ME = ("跟我", "和我", "给我", "同我", "我们", "我", "的", "一下", "吗", "没", "哩", "呢", "啊", "你们")


def _person_words_any_order(norm: str) -> bool:
    if not 3 <= len(norm) <= 16 or not made_of(norm, _PERSON_NOUNS + _TALK_VERBS + _ASK_WORDS + _TO_ME + _WANT_WORDS):
        return False
    return has(norm, _PERSON_NOUNS) and has(norm, _TALK_VERBS) and has(norm, ("有", "在", "能", "会", "来"))


# Asking to talk with a person: 跟人工说话, 和真人聊, 同工作人员沟通, 跟县上管医保的干部说 (an office named).
_TALK_TO_PERSON = re.compile(
    r"(跟|和|同|与)(你们的?)?((乡上|镇上|县上|县里|乡里|镇里|上面|村上|村里)的?)?((管|负责).{1,6}?的)?"
    r"(人工|真人|工作人员|客服|活人|干部|领导)(说话|说|聊|讲|对话|沟通|交流|通话)(一下|两句|几句)?(?!了|过)"
)
# The machine not understood or not understanding: 你们这个机器说的我听不懂, 机器人答非所问.
# Or too slow, long-winded or dull to talk with (这机器人说话贼磨叽, 机器回得太啰嗦, 跟机器说话费劲).
MACHINE_FAILS = re.compile(
    r"(你们)?(这个|的)?机器人?.{0,8}?(听不懂|看不懂|不明白|说不清|答非所问|没用|不管用|说不对|不懂"
    r"|磨叽|墨迹|磨蹭|啰嗦|罗嗦|啰里啰嗦|绕来绕去|费劲|太慢|慢死|死板|笨|答不上|说不明白)"
)
TALK_TO_PERSON = _TALK_TO_PERSON

# Asked in a letter's words to be put through to the staff of the office concerned (请转有关部门工作人员, 麻烦转一下
# 相关部门的同志, 烦请转交主管部门负责同志, 请转相关部门): from the message's start, so 钱转给村干部了 is no ask,
# and a person or an office must follow, so 转账 and 转学 are not.
_FORWARD_TO = re.compile(
    r"^(请|麻烦|劳驾|烦请|恳请|敬请|帮忙|能不能|能否|可否|可不可以|可以)?(您|你|你们)?(帮我|给我|帮忙)?"
    r"(转交给|转交|转给|转到|转接到?|转达给|转)(一下|下)?(给|到|至)?"
    r"((你们|贵)?的?(有关|相关|上级|主管|负责|对口|分管|管这个|管这事|管这块)?的?(部门|单位|方面)?的?"
    r"(工作人员|干部|领导|负责人|负责同志|同志|人员|专人|专员)(?!了|过)"
    r"|(有关|相关|上级|主管|对口|分管)的?(部门|单位)(处理|解答|答复|回复)?(一下)?$)"
)
# Asked to fetch a person (把你们领导叫来, 把你家大人喊过来, 把管事的请出来).
_FETCH = re.compile(
    r"把(你们|你们家|你家)?的?(个)?(领导|干部|工作人员|负责人|负责的|管事的|当官的|说了算的|大人|人工|真人|客服|同志)"
    r"(叫|喊|请|找)(来|过来|出来)"
)
# Wanting to talk to a grown-up, when the service is taken for a child (阿姨跟大人说, 我跟你家大人讲).
_TO_GROWN_UP = re.compile(
    r"^(阿姨|叔叔|大爷|大娘|大妈|大叔|婶子|婶婶|奶奶|爷爷|姥姥|老汉|老婆子|我|我们)*(要|想|只|就|得)?"
    r"(跟|和|同|给|对)(你们?家?的?)?大人(说|讲|谈|聊|说话|讲话|商量)(一下|两句|几句)?$"
)
# The person named first and the ask after, as in Salar and Amdo word order (乡上的干部我找要哩 is 我要找乡上的干部,
# 领导俺见一下): the whole clause, so 村长我找了好几次 (a story) is not this.
_PERSON_FIRST = re.compile(
    r"^((乡上|镇上|县上|县里|乡里|镇里|村上|村里|上面|你们)的?)?"
    r"(干部|领导|工作人员|负责人|负责的|管事的|当官的|说了算的|人工|真人|客服)"
    r"(我|俺|我们|俺们)?(就|想|要)?(找|见|问|寻)(要|想|呢|哩|一下|一哈|个|着)*$"
)
# Every way of asking for a person above that the older patterns do not hold: taken away from the message when
# what it carries besides is weighed.
ASKED_IN_OTHER_WORDS = re.compile(
    f"{_FORWARD_TO.pattern}|{_FETCH.pattern}|{_TO_GROWN_UP.pattern}|{_PERSON_FIRST.pattern}"
)


# What one has to ask, named but not said (本人有政策问题需当面请示, 我有点事想当面汇报, 有个私事要单独谈): beside an
# ask for a person, the question is still to follow.
UNSAID_MATTER = re.compile(
    r"(本人|我|我们)?(这里|这边|这儿)?(还)?有(个|一个|些|一些|几个|点|一点)?"
    r"(政策|业务|具体|私人|个人|家里|家庭|重要|急|要紧|紧要)?(上|方面)?的?(问题|事情|事儿?|情况|私事|话)"
    r"((想|要|需|需要|得|必须|须)?(当面|亲自|单独|直接|面对面)?"
    r"(请示|汇报|请教|咨询|问|问问|说|说说|谈|谈谈|面谈|沟通|交流|商量)(一下)?)?"
)


# The service taken for a child (娃娃 你叫个大人来, 小朋友 叫你家大人来): whom one speaks to, beside an ask.
_CHILD_CALLED = ("孩子", "小孩子", "小孩", "小朋友", "小同志", "小姑娘", "丫头", "小丫头", "小家伙", "宝贝")


def addressed_only(norm: str) -> bool:
    """A clause that only calls the listener (娃娃, 小伙子, 阿姨): nothing asked by it. Staff called (干部, 领导) may
    be the person asked for (干部 有没有 能回答的), so they are not this."""
    return made_of(norm, word_list("addressees") + _CHILD_CALLED) and not has(norm, _PERSON_NOUNS)


def only_asks_person(norm: str) -> bool:
    """A clause that is an ask for a person and nothing else (有没有负责的同志, 人有没有说话的跟我): it carries no
    question of its own."""
    return bool(_IN_CHARGE.match(norm) or _ANYONE_TO_ANSWER.match(norm)) or _person_words_any_order(norm)


# Greeting the staff with a salute (向工作人员同志们问好): naming them is whom the greeting goes to, not an ask.
_SALUTE = re.compile(r"问好|问个好|问声好|问候|致敬|敬礼")


def asks_person(short: str, norm: str) -> bool:
    if _SALUTE.search(norm) and smalltalk_kind(short, norm) is not None:
        return False
    if short in word_list("person", "exact") or has(norm, word_list("person", "contains")):
        return True
    if _IN_CHARGE.match(short) or _IN_CHARGE.match(norm) or _PERSON_FIRST.match(norm):
        return True
    if _PUT_THROUGH.search(norm) or _person_words_any_order(norm) or _TO_GROWN_UP.match(norm):
        return True
    if _FORWARD_TO.match(norm) and not misconduct(norm) and not has(norm, word_list("report_words")):
        return True  # 请转有关部门工作人员: a story or an ask to report beside it keeps its own reading
    if len(norm) <= 30 and (_TALK_TO_PERSON.search(norm) or MACHINE_FAILS.search(norm)):
        return not misconduct(norm) and not has(norm, word_list("report_words"))
    if _ANYONE_TO_ANSWER.match(norm):
        return True
    # 来个人吧: the summons ends the message once its particle is off.
    if len(norm) <= 15 and _FETCH.search(norm) and not has(norm, word_list("report_words")):
        return not misconduct(_FETCH.sub("", norm))  # 把你们领导叫来 names a role, and 把…领 reads as taking
    if len(norm) <= 15 and (_SUMMON.search(norm) or _SUMMON.search(short)) and not has(norm, word_list("report_words")):
        return not misconduct(norm)  # 支书把钱拿走了 叫领导来看: a story, offered as a report
    summoned = _SUMMON.search(norm)
    if summoned and len(norm) <= 24 and _SUMMON_TAIL.fullmatch(norm[summoned.end() :]):
        return True  # 您好 请问能否请一位工作人员答复我的问题: a polite ask, its question to follow
    # A short message naming a person at all (客服在吗我要找人工); a long one is a question that mentions it,
    # and 找领导举报 asks to report.
    return len(norm) <= 15 and has(norm, word_list("person", "short")) and not has(norm, word_list("report_words"))
