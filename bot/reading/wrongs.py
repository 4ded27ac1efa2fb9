"""Misconduct told: a cadre, or the village, doing wrong, found by words from the data or by its shape.

Each way of telling a wrong is one row of WRONG_RULES (a name, what finds it, what else must hold), tried in
turn by one matcher."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from bot.reading.benefit_wrongs import benefit_wrong
from bot.reading.normal_form import alternatives, data, has, word_list
from bot.reading.question_shapes import ASKING, ASKING_TAIL, WHY_OR_WHEN

# A named role that takes, sells, spends or hands out what is not theirs: 书记把残疾人的补贴领了自己花了;
# or makes someone a beneficiary: 社长把他儿媳妇弄成低保户了.
_TAKING = re.compile(
    r"把.{0,24}?(领|卖|花|拿|占|扣|吞|私|换|送|给了|给他|给她|分给|分了|弄走|拉走|挪|借给|借走|借出去|弄成|评成|报成|定成|整成|搞成|弄上|报上"
    r"|停了|停掉|取消|刷了|刷掉|撤了|砍了|去掉|划掉)"
)
# What was taken, told the other way round: 钱叫包工头和村干部分了, 补助让会计领走了.
_TAKEN_BY = re.compile(r"(叫|让|被)[^把，。]{0,12}?(分|拿|领|花|吞|占|卖|贪|揣|挪)(了|走|掉|光|完)")
# Bought or built with public money: 书记的车是用扶贫款买的.
_BOUGHT_WITH = re.compile(r"用.{0,8}?(款|钱|资金|补助|补贴|经费)(买|盖|修|装|还|请|办)")
# A cadre's own thing paid for with public money, told after the thing: 书记家的温棚是去年新盖的 用的是村集体的
# 扶贫资金, 他儿子的车花的是项目的钱, 钱是从扶贫款里出的 (see own_with_public_money).
_PUBLIC_MONEY_USED = re.compile(
    r"((用|花|拿|使|动用|挪用)(的是|的|了)?|从)(的)?.{0,4}?(公家|集体|村集体|扶贫|项目|村上|村里|上面|国家|衔接|帮扶|公款"
    r"|村委)(的)?.{0,6}?(款|钱|资金|经费)"
)
# Seldom there: 驻村书记一个月来一次, 来了就拍个照走了.
_ABSENT = re.compile(
    r"(一个?月|一年|半年|几个月|一个?星期|一个?礼拜|一季度)(才|就|只)?(来|回|露面|下来)(一|两|二|三)?(次|趟|回)"
    r"|拍个?照(片)?就?走"
)
# Buying votes: 选举的时候书记给每家发了二百块钱 (no role needed).
_VOTE_BUYING = re.compile(
    r"(选举|选票|投票|换届|选村).{0,14}?(发|给|送)了?.{0,6}?(钱|块|元|东西|礼|烟|酒|面|油|米|肉|红包|卡)"
)
# Visitors fed on the village: 乡上的人来检查 村上又杀羊又喝酒.
_HOSTING = re.compile(r"(检查|接待|来人|下乡|来村).{0,12}?(杀羊|宰羊|喝酒|吃饭|吃喝|招待|请客)")
# A record that says one thing while the truth is another: 账上写着每户都通了 其实一半人家还在挑水.
_FALSE_RECORD = re.compile(
    r"(账上|账本上|牌子上|公示上|公示的|名单上|表上|单子上|本子上|上报的|报上去的)(写|记|报|说)?(着|的|了)?"
    r".{0,24}?(其实|实际上|实际|根本|可是只|但是只)"
)
# What a role reports or posts, against what was given: 村会计报的是每天一个鸡蛋 娃们一个礼拜才吃上一回,
# 公示说投资四十万 实际就铺了一层水泥 (a role or the village named beside it; see misconduct).
_REPORTED_VS_GIVEN = re.compile(
    r"(报的是|报上去的是|上报的是|写的是|公示说|公示的是|公示是|账上是)"
    r"(.{1,24}?(其实|实际上|实际|根本没|结果)"
    r"|.{1,30}?(才|只|就|光)(吃|给|发|领|拿|有|铺|修|见|到|得|分|栽|种|建|盖|装|用|花))"
)
# A cadre eating or drinking on the village's money: 每回吃饭都是村上掏钱.
_FEASTING = re.compile(
    r"(吃|喝|饭|酒|烟).{0,12}?(村上|村里|村委会?|集体|公家|公款|上面)(的)?(掏|出|付|报|买单|结账|花|拿)"
    r"|(村上|村里|村委会?|集体|公家|公款)(掏钱|出钱|买单|报销|结账).{0,8}?(吃|喝|饭|酒)"
)
# Collective property sold, rented or contracted out, and the money not in the accounts: 集体的羊卖了三万多
# 账上一分都没有, 村里的草场租出去了 钱不知道去哪了.
_ASSET_GONE = re.compile(
    r"(集体|村集体|公家|合作社|村上|村里|村委会?|社里|队里)的.{0,10}?(卖|租|承包|转让|变卖|处理|包)(了|掉|出去|给)"
    r".{0,24}?(账上|账里|账面|钱|款).{0,6}?(没|一分|一毛|不见|不公开|不知道|去哪|哪去)"
)
# Money from land or assets that never reached the villagers (a role or the village named beside it):
# 租金一年一万多 俺们一分没拿到, 征地补偿款到现在一分都没见着.
_PROCEEDS_KEPT = re.compile(
    r"(租金|租子|租地的钱|流转费|流转金|征地款|征地的钱|补偿款|补偿费|卖的钱|卖羊的钱|分红)"
    r".{0,12}?(一分|一毛|一点|半分|啥)?(钱)?(都|也)?(没|不)(拿到|见到|见着|见过|给|分|发|到手|拿上|领到|给过)"
)
# Works accepted, or a paper signed, after a meal or a gift: 验收的时候乡上的人喝了一顿酒就签字了.
_SIGNED_AFTER_TREAT = re.compile(
    r"(验收|检查|签字|盖章|评审|审核|把关|检测)的?(时候|时)?.{0,12}?(吃|喝|酒|饭|红包|烟|礼|好处)"
    r".{0,8}?(就|才|然后)(签|过|通过|验收|盖章|合格|批|放行)"
)
# The village itself taking what is the villager's: 村上把俺家宅基地占了, 村里把地划给他兄弟了.
VILLAGE = ("村上", "村里", "社里", "队里", "组里", "乡上", "镇上", "上面", "集体", "合作社")
_VILLAGE_TAKING = re.compile(
    r"(村上|村里|社里|队里|组里|乡上|镇上|上面)把.{0,16}?(占了|占去|卖了|卖掉|收走|拿走|收回去|划给|分给|给了他|给了她|吞了|私分)"
)
# An employer who ran off without paying wages is no cadre (老板跑了 工钱也没给): that is a household's
# trouble unless a cadre is named beside it.
EMPLOYERS = ("包工头", "施工队", "工头", "老板")
_WAGES = re.compile(r"工钱|工资|薪|血汗钱|打工|务工")
# Wrongs that need no named role: money asked for a service (办个证要收二百块 / 不给钱就不办), a benefit
# signed for or drawn in one's name by someone else (签字不是我签的 / 我没领到 村上说领了).
_NUMBER = r"[0-9零一二两三四五六七八九十百千万]+"
EXTORTION = (
    re.compile(r"不(给|交|送|拿)(钱|礼|烟|酒|好处)?.{0,3}就(不|没法|办不|不给)(办|给|批|签|盖|开|弄|管|发)"),
    re.compile(r"(办|开|盖|批|签|上户|落户|领).{0,10}(要|得|收|让交|让拿)(收|交|给|拿)?.{0,3}" + _NUMBER + "(块|元)"),
    # 要先交五十块才给办: money demanded before the paperwork
    re.compile(
        r"(要|得|让|叫)先?(交|给|拿|出)" + _NUMBER + ".{0,3}(块|元|钱).{0,3}(才|再)(给|能|肯)?(办|批|签|盖|开|弄|发|报)"
    ),
)
# A meal or a gift before a benefit is put forward or a paper signed: 请村干部吃饭 送了两条烟才给报上去; and
# the other way round, 不送的就报不上. Counted only beside a named role or a benefit (see gift_for).
_GIFTS = (
    re.compile(
        r"(请|送|给|塞|拿|提)了?.{0,8}?(吃饭|吃喝|喝酒|烟|酒|礼|红包|好处|东西)"
        r".{0,8}?(才|之后才|以后才)(给|能|肯|让|算)?(办|报|批|评|签|盖|开|上|弄|落实|发|给)"
    ),
    re.compile(
        r"不(送|请|给|塞|拿|提)[^就]{0,8}?(就?(办|报|批|评|弄|上|签|办理)不(上|成|了|下来|到)"
        r"|就(给)?(没了|没有了|停了|取消了?|拿掉了?|划掉了?|不给了|不给办))"
    ),
)
# Money handed to a cadre out of one's pay, or the job lost: 组长叫每个月给他交一百块 不交就换人, 社长让每人从工资里
# 给他拿二百 (see kickback); an ordinary fee collected (组长叫每家给他交三百八的医保) is not one.
_PAID_TO = (
    r"(叫|让|要|逼|要求)[^，。]{0,10}?给(他|她|他们|他自己|她自己|{roles})"
    r"((交|拿|送|上交|缴|返|孝敬|上供)(了)?.{0,4}?" + _NUMBER + r"(块|元|钱|百|千)?|" + _NUMBER + r"(块|元|百|千))"
)
_FROM_PAY = re.compile(r"工资|工钱|补贴|补助|每个?月|每月|每年|每一个月|一个月")
# A cut skimmed off the pay (每人要抽走两百, 每回都要抽成).
_SKIM = re.compile(r"(抽走|抽成|抽掉|抽了|提走|提成)")
# Ordinary dues a cadre collects (医保, 水费): no cut, unless the job is threatened.
_DUES = re.compile(r"医保|医疗|合作医疗|新农合|养老保险|社保|保险|水费|电费|卫生费|党费|垃圾费")
_JOB_LOST = r"(换人|换掉|换了|不让.{0,2}干|不叫.{0,2}干|开除|辞退|撵|顶掉|换别人|让别人|叫别人)"
_JOB_THREAT = re.compile(
    r"不(交|给|送|拿|上交|孝敬)[^就，。]{0,6}?就(" + _JOB_LOST[1:-1] + r"|不要|不用)|(不然|要不然|否则)就?" + _JOB_LOST
)
# A role that cuts what is paid out, by any amount: 从工资里扣二十, 每次都扣一点.
_DEDUCTING = re.compile(r"扣.{0,4}?(了|掉|走|下|钱|点|" + _NUMBER + ")")
_SIGNED_FOR = (
    re.compile(r"(不是|没有?)我(签|按)的|签字不是我|签名不是我|手印不是我|冒(签|领|名)"),
    re.compile(r"没(领|拿|收|见)(到|着|过).{0,14}说.{0,6}(领|发|给)(了|过)"),
    # the other order: 村上说给了俺家 俺家根本没见着牛
    re.compile(r"说.{0,6}(领|发|给)(了|过).{0,14}没(领|拿|收|见|看)(到|着|过|见)"),
)


# Paid for no work, beside a benefit or a job (护林员一天都没上过山 工资照领); never when asked.
_PAID_IDLE = re.compile(r"(工资|补贴|补助|钱|工钱|低保).{0,2}?(照领|照拿|照发|照样领|照样拿|白领|白拿|空领)")
# More wrongs by shape, each counted beside a role or the village and never when asked (see misconduct):
_SHAPED_WRONGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # a threat: 谁家不同意拆迁就取消低保
    (
        "threat",
        re.compile(r"不(同意|签字|签|配合|投|听话|听|搬|拆|去|选).{0,8}?就(取消|停|扣|不给|收回|划掉|拿掉|去掉)"),
    ),
    # claimed for but not given: 村上报了二十户 实际发了八户, 钱倒是全报了
    ("claimed_not_given", re.compile(r"报了.{0,12}?(实际|其实|实际上)(只|才|就)?(发|给|到|修|有|批)")),
    ("claimed_money_taken", re.compile(r"(钱|款|资金)(倒是|倒|却|可|都)(全|都|全都)?(报|领|拿|花)(了|走|完)")),
    # collected and not done: 收了每户三百块的修路钱 路到现在没修
    (
        "collected_not_done",
        re.compile(
            r"收了.{0,12}?(钱|块|元|费).{0,14}?(到现在|至今|一直|还|也)(都|也)?(没|不)(修|弄|办|建|给|退|见|装|动)"
        ),
    ),
    # a fee for a service: 说要先交五百块手续费
    (
        "service_fee",
        re.compile(r"(要|得|让|叫)(先)?(交|给|拿|出).{0,6}?(手续费|跑腿费|辛苦费|加急费|茶水费|服务费|打点费|疏通费)"),
    ),
    # handed to their own: 救灾面粉村上都分给自己人了
    (
        "handed_to_own",
        re.compile(r"(分给|给了|发给|留给|分了给)(了)?(自己人|自家人|关系户|干部家|他们自己|他自己家|他们家亲戚)"),
    ),
    # kept by those who hand it out: 慰问的米面油村上的干部自己分了, 救灾物资他们私下分掉了 (not 我们自己分了)
    (
        "kept_for_themselves",
        re.compile(
            r"(?<!我)(?<!我们)(?<!大家)(自己|自个|自个儿|私下|内部|偷偷)(就|都|给)?(分|留|占|吃|拿|揣)"
            r"(了|掉|光|完|下了|下|走|着)"
        ),
    ),
    # a villager's card held: 残疾补贴卡在书记手里
    (
        "card_held",
        re.compile(r"(卡|存折|折子|一卡通|社保卡)(在|被|叫|让)?.{0,6}?(手里|手上|拿着|攥着|扣着|收走|保管着)"),
    ),
    # decided or kept by one person: 名单都是村主任一个人定的, 钱都是理事长一个人管
    ("one_person_decides", re.compile(r"(一个人|一人|自己)(定|说了算|管|拍板|决定|做主|把持)")),
    # works built and left idle: 扶贫车间建好了一直锁着门
    (
        "built_left_idle",
        re.compile(
            r"(建好|修好|盖好|建成|修成|盖成|买回来)(了|以后|之后)?.{0,8}?(一直|从来|就)?"
            r"(锁着|闲着|空着|荒着|没用过|没用|没开过|没开|没人用|扔着|放着)"
        ),
    ),
    # a signature on a blank form: 让俺在空白表上签字
    ("blank_form_signed", re.compile(r"空白.{0,4}?(签|按手印|盖章)|(签|按手印).{0,4}?空白")),
    # never seen: 第一书记来了一年 村里人都没见过他
    ("never_seen", re.compile(r"(都|从来|从|谁都|一次都|一回都)(没|没有)(见过|见着|见到|看到过)(他|她|人|面|人影)")),
    # the accounts never made public: 村上的账三年没公开过了
    ("accounts_hidden", re.compile(r"(账|账目|财务|村务|收支).{0,8}?(没|不|从来没|从没)(公开|公示|贴出来)过")),
    # granted one sum, little done with it: 批下来的改造资金二十万 实际只换了几扇窗户, 拨了五十万 结果就铺了层沙子
    (
        "granted_little_done",
        re.compile(
            r"(批|拨|下拨|划拨|下来|投资|投入|预算|到位)(了|下来|的)?.{0,20}?(实际|其实|结果)(上)?(只|才|就|光)"
            r"(换|修|铺|盖|建|装|买|用|花|做|弄|刷|发|给)"
        ),
    ),
    # spent elsewhere: 剩下的钱村里说用在别处了, 这笔款挪作他用了
    (
        "spent_elsewhere",
        re.compile(
            r"(钱|款|资金|经费|补助|补贴).{0,12}?(用在别处|用到别处|用在别的地方|用到别的地方|挪作他用|另作他用"
            r"|挪到别处|挪到别的|挪给|去向不明|不知去向)"
        ),
    ),
    # money or a list kept from the villagers: 剩下的钱…也没有公示, 名单从来不公开
    (
        "not_made_public",
        re.compile(r"(钱|款|费|资金|名单|账|花销|开支).{0,30}?(也|都|从来|一直|根本|从)(没有|没|不)(公示|公开|张贴)"),
    ),
    # given then taken back: 村上发下来一头 过了一个月又收回去了, 拍完照就把米和油又拉走了
    ("given_taken_back", re.compile(r"(发|给|分|送)(下来|了|来).{0,14}?(又|就)(收回|收走|拿走|要回|拉走|拿回)")),
    # kept from a list: 俺家的名字被划掉了
    ("struck_from_list", re.compile(r"(名字|名额|户|名)(被|叫|让)?.{0,6}?(划掉|删了|删掉|去掉|拿掉|顶替|换成|换掉)")),
    # villagers told what to say: 让俺们统一说一年收入两万 其实没那么多
    ("told_what_to_say", re.compile(r"(让|叫|教|要求).{0,6}?(统一|都)(说|讲|填|写|报|口径)")),
    # the land or river ruined: 把村里的河道挖得乱七八糟
    ("land_ruined", re.compile(r"把.{0,12}?(挖|毁|破坏|糟蹋|污染)(得|坏|了|掉)")),
)
# Wrongs that need no role, told flat: 每针多收二十块, 一个名额要交两千块, 人家都是一亩八千 俺家只给了三千.
_TOLD_WRONGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("overcharged", re.compile(r"多(收|要|拿|扣)了?.{0,3}?" + _NUMBER + r"(块|元|钱)")),
    (
        "place_sold",
        re.compile(r"(名额|岗位|位子|指标).{0,6}?(要|得)(交|给|花|拿|送).{0,4}?" + _NUMBER + r"(块|元|万)?"),
    ),
    (
        "paid_less_than_others",
        re.compile(
            r"(人家|别人|别家|其他人|其他家)(都|家)?(是|给|发|拿|领).{0,12}?(我家|我们家|我)(只|才|就)(给|发|拿|有|领)(了)?"
        ),
    ),
)


@dataclass(frozen=True)
class Rule:
    """One way a wrong is told: what finds it in the message, and what else must hold (a role named beside
    it, not asked as a question). A new way is one more row in WRONG_RULES."""

    name: str
    found: Callable[[str], bool]
    guard: Callable[[str], bool] = lambda norm: True

    def holds(self, norm: str) -> bool:
        return self.found(norm) and self.guard(norm)


def shaped(*patterns: re.Pattern[str]) -> Callable[[str], bool]:
    """Found when any of these patterns is in the message."""
    return lambda norm: any(p.search(norm) for p in patterns)


def listed(*path: str) -> Callable[[str], bool]:
    """Found when any word of this list in the data is in the message."""
    return lambda norm: has(norm, word_list(*path))


def first_rule(rules: tuple[Rule, ...], norm: str) -> str | None:
    """The name of the first rule that holds, in the table's order; None when none does."""
    return next((rule.name for rule in rules if rule.holds(norm)), None)


def _unasked(norm: str) -> bool:
    return not ASKING.search(norm)


def _not_asked(norm: str) -> bool:
    return not (ASKING.search(norm) or ASKING_TAIL.search(norm))


def _told_flat(norm: str) -> bool:
    return not (ASKING.search(norm) or ASKING_TAIL.search(norm) or WHY_OR_WHEN.search(norm))


def _beside_role(norm: str) -> bool:
    return has(norm, (*word_list("misconduct", "roles"), *VILLAGE))


# The speaker saying what they are or were (我是退下来的老村干部, 我以前当过会计, 俺是原来的村长): no cadre accused.
_SELF_CADRE = re.compile(
    r"(我|俺)(以前|原来|过去|早先|也)?(是|当过|干过|做过)(个|一个|一名)?(退下来的|退休的|退了的|原来的|以前的|过去的|老)*"
    r"(村干部|干部|村支书|支书|书记|村主任|主任|村长|会计|文书|组长|社长|队长)(?![家的他她那亲])"
)
# Care that is missing (没人照顾, 无人照看, 找人照顾, 照顾不过来): not 照顾 as favouring one's own people.
_CARE = re.compile(
    r"(没有?人|无人|找人|请人|要人|需要人?|得有人|谁来|不能|能)(来)?照(顾|看|料)|照(顾|看|料)不(了|过来|到)"
)


def _role_named(norm: str) -> bool:
    """A cadre named, and not only about an employer's unpaid wages."""
    return has(_SELF_CADRE.sub("", norm), word_list("misconduct", "roles")) and not wages_owed(norm)


def _acts(norm: str) -> bool:
    rest = _CARE.sub("", norm)
    return has(rest, word_list("misconduct", "acts")) or _TAKING.search(rest) is not None


# Handed to a cadre's kin, told without 把: 资金全给了支书侄女开的店, 名额都分给村长他小舅子了, 活儿包给了会计家亲戚.
_HANDED_TO = r"(?:给了|给|分给|发给|批给|包给|交给|留给|评给|弄给|安排给|让给|定给|报给)了?"


@lru_cache(maxsize=1)
def _handed_to_kin() -> re.Pattern[str]:
    roles = alternatives(word_list("misconduct", "roles"))
    kin = alternatives(word_list("benefit_wrongs", "kin"))
    # the cadre's household itself counts as kin (扶贫羊都发给了村干部家里)
    return re.compile(
        rf"{_HANDED_TO}(?:都|全)?{roles}(?:的|他|她|他们|家)?(?:的|家)?(?:{kin}|家里|自己家|家的人|家(?=$|了|的))"
    )


def handed_to_kin(norm: str) -> bool:
    """Something handed to a cadre's own kin (全给了支书侄女), told flat: 能给村长的亲戚吗 asks."""
    return _handed_to_kin().search(norm) is not None and _told_flat(norm)


@lru_cache(maxsize=1)
def _cadre_own() -> re.Pattern[str]:
    roles = alternatives(word_list("misconduct", "roles"))
    kin = alternatives(word_list("benefit_wrongs", "kin"))
    return re.compile(rf"{roles}(?:他|她)?(?:自己|自)?(?:家|私人|个人|{kin})")


def own_with_public_money(norm: str) -> bool:
    """A cadre's or their kin's own thing paid with public money (书记家的温棚…用的是村集体的扶贫资金), told
    flat; the village's road built with poverty funds (村里的路用的是扶贫资金) is no wrong."""
    return bool(_PUBLIC_MONEY_USED.search(norm) and _cadre_own().search(norm)) and _told_flat(norm)


def kickback(norm: str) -> bool:
    """A cadre making people hand him money out of their pay or lose the job (组长叫每个月给他交一百块 不交就换人),
    told flat."""
    if not _told_flat(norm):
        return False
    if _JOB_THREAT.search(norm):
        return _paid_to_cadre().search(norm) is not None
    if _DUES.search(norm) or not _FROM_PAY.search(norm):
        return False
    return _paid_to_cadre().search(norm) is not None or (_SKIM.search(norm) is not None and _role_named(norm))


@lru_cache(maxsize=1)
def _paid_to_cadre() -> re.Pattern[str]:
    return re.compile(_PAID_TO.replace("{roles}", alternatives(word_list("misconduct", "roles"))))


def _beside_role_or_project(norm: str) -> bool:
    roles = word_list("misconduct", "roles")
    return has(norm, (*roles, *VILLAGE, "村委", "我们村", "咱村", "本村", "扶贫", "项目")) and _told_flat(norm)


# The ways a wrong is told, tried in turn. Rows before the role-named ones need no cadre named.
WRONG_RULES: tuple[Rule, ...] = (
    Rule("strong_words", listed("misconduct", "strong")),
    Rule("signed_for", shaped(*_SIGNED_FOR)),
    Rule("false_record", shaped(_FALSE_RECORD)),
    Rule("vote_buying", shaped(_VOTE_BUYING)),
    Rule("reported_vs_given", shaped(_REPORTED_VS_GIVEN), lambda n: _beside_role(n) and _told_flat(n)),
    Rule("hosting", shaped(_HOSTING), lambda n: has(n, ("村上", "村里", "集体", "公家", "村委", "公款"))),
    Rule("asset_gone", shaped(_ASSET_GONE, _SIGNED_AFTER_TREAT, _VILLAGE_TAKING), _not_asked),
    Rule("extortion", shaped(*EXTORTION), _unasked),
    Rule("gift", lambda n: gift_for(n)),
    Rule("benefit_wrong", lambda n: benefit_wrong(n)),
    Rule("handed_to_kin", handed_to_kin),
    Rule("own_with_public_money", own_with_public_money),
    Rule("kickback", kickback),
    Rule("job_threat", shaped(_JOB_THREAT), _beside_role_or_project),
    *(Rule(name, shaped(pattern), _beside_role_or_project) for name, pattern in _SHAPED_WRONGS),
    Rule("paid_idle", shaped(_PAID_IDLE), _not_asked),
    *(Rule(name, shaped(pattern), _told_flat) for name, pattern in _TOLD_WRONGS),
    Rule("proceeds_kept", shaped(_PROCEEDS_KEPT), lambda n: _unasked(n) and _beside_role(n)),
    # A cadre named (and not only an employer's unpaid wages):
    Rule("deducting", shaped(_DEDUCTING, _FEASTING, _TAKEN_BY), _role_named),
    Rule("bought_or_absent", shaped(_BOUGHT_WITH, _ABSENT), lambda n: _role_named(n) and _unasked(n)),
    Rule("acts", _acts, _role_named),
)


def misconduct(norm: str) -> bool:
    """A story naming a cadre doing wrong. It wins over hardship: such a story must never be offered the
    hardship path (which is never anonymous and goes to the town)."""
    return first_rule(WRONG_RULES, norm) is not None


def wages_owed(norm: str) -> bool:
    """Unpaid wages with only an employer named (老板跑了 工钱也没给): not a cadre's wrong."""
    if not _WAGES.search(norm) or not has(norm, EMPLOYERS):
        return False
    rest = norm
    for w in EMPLOYERS:
        rest = rest.replace(w, "")
    return not has(rest, word_list("misconduct", "roles"))


def gift_for(norm: str) -> bool:
    """A meal or a gift the villager had to give for a benefit or a paper (送了两条烟才给报上去), told flat."""
    if not any(w.search(norm) for w in _GIFTS) or ASKING.search(norm) or ASKING_TAIL.search(norm):
        return False
    return has(norm, word_list("misconduct", "roles")) or has(norm, word_list("benefit_wrongs", "benefits"))


def employer_only(norm: str) -> bool:
    """The only ones a story names doing wrong are an employer (包工头, 老板), about wages."""
    roles = [r for r in word_list("misconduct", "roles") if r in norm]
    return bool(roles) and all(r in EMPLOYERS for r in roles) and re.search(r"工钱|工资|钱", norm) is not None


def guess_category(norm: str) -> str:
    if (any(w.search(norm) for w in EXTORTION) and not ASKING.search(norm)) or gift_for(norm) or kickback(norm):
        return "conduct"  # money asked for a service is 吃拿卡要, whatever else the story names
    if _JOB_THREAT.search(norm) and _told_flat(norm):
        return "conduct"  # pay up or lose the job is 吃拿卡要 too
    if own_with_public_money(norm):
        return "funds"  # public money spent on a cadre's own thing is 挪用, whoever else is named
    best, best_code = 0, "other"
    for entry in data()["category_guess"]:
        score = sum(1 for w in entry["words"] if str(w) in norm)
        if score > best:
            best, best_code = score, str(entry["code"])
    return best_code
