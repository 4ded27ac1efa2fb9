"""A benefit drawn wrongly, told as a story about the benefit (支书的侄子…还吃着低保)."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.reading.normal_form import alternatives, has, word_list
from bot.reading.question_shapes import ASKING, ASKING_TAIL, WHY_OR_WHEN


@lru_cache(maxsize=1)
def _benefit_shapes() -> tuple[re.Pattern[str], ...]:
    """How a story about a benefit tells a wrong, with no act from the lists (see benefit_wrongs in the data)."""
    roles = alternatives(word_list("misconduct", "roles"))
    kin = alternatives(word_list("benefit_wrongs", "kin"))
    well_off = alternatives(word_list("benefit_wrongs", "well_off"))
    agents = alternatives((*word_list("benefit_wrongs", "agents"), *word_list("misconduct", "roles")))
    drawn = r"(?:吃着|领着|拿着|吃上|评上|评成|评了|享受|当上|吃的|领的|是)"
    return (
        # a cadre's relative: 支书的侄子, 村长他小舅子家, 支书让他儿子当了护林员
        re.compile(rf"{roles}[^我]{{0,3}}?(?:的|他|她|他们|家)?(?:的|家)?(?:[两三四五六几]个)?{kin}"),
        # the ones who got it are a cadre's people, again: 今年的低保 又是书记他们家的人, 名单上全是村长家的
        re.compile(rf"(?:又是|都是|全是|还是|净是)[^，。]{{0,2}}?{roles}(?:的|他|她|他们|家){{1,3}}(?:人|{kin})?"),
        # the one who draws it is a cadre, or a cadre's kin: 钱她侄子领着 侄子就是村文书
        re.compile(rf"{kin}(?:就是|是|当着|当的|在当|当)(?:村上|村里|咱村|我们村|社里|乡上)?的?{roles}"),
        # by connections: 低保都是有关系的人吃
        re.compile(r"有关系|靠关系|看关系|托关系|找关系|走关系|沾亲带故"),
        # several in one household: 他们家有三个低保
        re.compile(r"(?:他|她|人家)(?:们)?家?.{0,4}?(?:有|吃|领|占)了?(?:两|三|四|五|好几|几)(?:个|份)"),
        # taken for another use: 扶贫款 村里拿去还了以前的账
        re.compile(rf"{agents}.{{0,4}}?(?:拿去|拿走|挪去|挪走|用去|拿来|花了)"),
        # withheld for long: 危房改造的钱到现在没下来
        re.compile(
            r"(?:到现在|至今|一直|好几年|几年|两年|三年|半年|好久|多少年)(?:了)?(?:都|也|还)?"
            r"(?:没|不|没有)(?:下来|发|给|到|兑现|落实)"
        ),
        # a dead person still paid: 死了三年了 低保钱还有人在领
        re.compile(
            r"(?:死了|去世|过世|不在了|死人|殁了"
            r"|(?:人|老人|老汉|阿奶|阿爷|奶奶|爷爷|爹|娘|老伴)(?:都|已经|早就|早都|早)?(?:没了|走了|不在了))"
            r".{0,16}?(?:还|仍|照样|一直|继续|有人)(?:一直|照样|还|有人|在|是){0,3}(?:领|吃|拿|享受|发|取|报)"
        ),
        # someone well off drawing it: 有楼房有车 还吃着低保
        re.compile(rf"{well_off}.{{0,20}}?{drawn}|{drawn}.{{0,20}}?{well_off}"),
        # kept from a list: 俺家的名字被划掉了, 名额被人顶替了
        re.compile(r"(名字|名额|户|名)(被|叫|让)?.{0,6}?(划掉|删了|删掉|去掉|拿掉|顶替|换成|换掉)"),
        # moved away and still drawing it: 早就搬到西宁了 还在领
        re.compile(
            r"(搬走|搬到|搬去|迁走|迁到|去了外地|在外地|出去打工).{0,10}?(还|照样|仍|一直)(在|是)?(领|吃|拿|享受)"
        ),
        # paid twice
        re.compile(r"两份|双份|重复(?:领|享受|发|吃)|领了两(?:次|回|遍)|两头(?:领|吃)"),
        # taken by someone else: 有人在领, 被别人领走了
        re.compile(
            r"(?<!没)(?:有人|别人|被人|让人|外人|人家)"
            r"(?:(?:在|还在|一直在)(?:领|拿|吃|占|取)|(?:给|替|冒|偷偷|都)?(?:领|拿|吃|占|顶|取)(?:了|走|着|去|掉|钱))"
        ),
        # a job or a contract handed to someone's kin: 营养餐让他亲戚承包了
        re.compile(rf"(?:让|给|叫|包给|交给)了?(?:他|她|自己)(?:的|家)?{kin}.{{0,3}}?(?:承包|包|供|送|中标|揽|干|当)"),
        # a cadre drawing it: 养老金还在发 是村会计在领
        re.compile(rf"(?:是|被|让|叫|都是){roles}(?:在|一直|还|偷偷|自己|给){{0,2}}(?:领|取|拿|花|用)"),
        # withheld: 村上扣了两年了
        re.compile(rf"{agents}.{{0,6}}?(?:扣|截|克扣|卡|压)(?:了|下|走|掉|住|着)"),
        # not paid while others were: 去问就说没下来 别人家的都下来了
        re.compile(
            r"(?:没|不)(?:给|发|评|批|下来|到|领).{0,14}?(?:别人|人家|其他人|别的人|别家)家?的?.{0,4}?(?:都|全|倒)"
        ),
        re.compile(r"(?:别人|人家|其他人|别家)家?的?(?:都|全)(?:有|发|领|评|下来|批|到).{0,14}?我.{0,6}?(?:没|不给)"),
    )


# Asking where it went (村里的钱哪里花了, 钱都用到哪儿了, 补助款花在哪了): a question, answered with the village's
# published projects and funds (which offer the report), not a wrong told.
_WHERE_ASKED = re.compile(r"(哪里|哪儿|哪块|哪去|哪了|何处)(花|用|去)?了?|(花|用|去)(在|到)?哪")


def benefit_wrong(norm: str) -> bool:
    """A benefit drawn wrongly, told as a story about the benefit (支书的侄子…还吃着低保)."""
    if not has(norm, word_list("benefit_wrongs", "benefits")) or "申请" in norm:
        return False
    if ASKING.search(norm) or ASKING_TAIL.search(norm) or WHY_OR_WHEN.search(norm) or _WHERE_ASKED.search(norm):
        return False
    well_off = alternatives(word_list("benefit_wrongs", "well_off"))
    told = re.sub(rf"(?:没有|没|不是|不){well_off}", "", norm)  # 我家没有车 is not someone well off
    return any(shape.search(told) for shape in _benefit_shapes())


# A payment to one's own household told missing or short (三月份的养老金没收到, 去年的钱少发了两百): 我家补贴 lists
# the household's payments one by one, which says more than a report of it alone.
_OWN_PAYMENT_MISSING = re.compile(
    r"(补贴|补助|养老金|养老钱|低保|救助金|抚恤|奖补|补偿|的钱|钱)[^，。,.!！?？]{0,8}?"
    r"(没收到|没有收到|没到账|没到|没打|没发|没领到|没拿到|少发|少给|少了|不对)"
)


def own_payment_missing(norm: str) -> bool:
    return _OWN_PAYMENT_MISSING.search(norm) is not None


# Whether one's own household's payment came (我家的耕地地力补贴今年发了没, 我的低保钱发了没有): the policy answer
# says how it is paid, 我家补贴 shows whether it was. Own words are needed: 低保什么时候发 asks about everyone.
_OWN_PAYMENT_ASKED = re.compile(
    r"(?:我家|我们家|自家|自己家|家里|我的|我们的|我(?:爸|妈|爹|娘|老伴|奶奶|爷爷|婆婆|公公|老婆|媳妇|男人)的?)"
    r"[^，。,.!！?？]{0,12}?"
    r"(?:补贴|补助|养老金|养老钱|低保|救助金|抚恤|奖补|补偿|津贴|的钱|钱)"
    r"[^，。,.!！?？]{0,10}?"
    r"(?:发了没|发了吗|发没发|发了不|到了没|到了吗|到没到|到账|打了没|打了吗|打过来没|打过来了吗|下来了没|下来没"
    r"|下来了吗|什么时候发|什么时候到|什么时候打|几号发|几号到|还没发|还没到|还没下来)"
)


def own_payment_asked(norm: str) -> bool:
    return _OWN_PAYMENT_ASKED.search(norm) is not None
