"""Blind dialogue set I (issue #18 §1-§5): 80 conversations written on 2026-12-06 (23:38-23:50 UTC) by the helper
"iwrite" from the issue, README.md, docs/chat.md and the harness (tests/dialogue_eval.py, tests/dialogue_corpus.py,
tests/blind_support.py) alone, without opening the code that answers them (bot/, cases/, knowledge/, handlers/,
villages/) or the other sets' phrasings, and never run by their writer.

The people are other villagers of 海东 (青海) than in the earlier sets: a 撒拉族 lorry owner in 循化, the sister
of a 藏族 monk in 化隆 who writes short lines, a village accountant's neighbour, a woman whose husband works in
西宁, a 70-year-old who only sends voice (recognised text with same-sound errors and no punctuation), a young man
back from the army, a grandmother raising two grandchildren, a beekeeper in 互助, a 乐都 vegetable grower, a
disabled veteran, a 村民小组长 who is afraid, someone who writes politely in full sentences with punctuation and
someone who writes in bursts of two to four characters. They write dialect (啥, 咋, 阿么, 娃, 俺, 莫, 些, 一哈,
整, 尕), typos, full-width digits, Chinese numerals and emoji, answer steps in their own words (sometimes with
more or less than asked), change their minds, leave mid-way and ask about their safety.
A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`: either), as a villager
answers only what is asked; `{opt:词}` is the number the villager reads in front of 词 in that reply.
"""

from __future__ import annotations

from tests.blind_support import (
    ASKCAT,
    ASKQ,
    CHECK,
    EXAMPLE,
    HCHECK,
    HHELP,
    HKIND,
    HOFFER,
    HPEOPLE,
    HPHONE,
    HWHAT,
    HWHEN,
    LIST,
    MORE,
    NAMEGIVE,
    NAMEQ,
    OFFER,
    PIC,
    TELL,
    TRACKQ,
    WHO,
    WHOSE,
    held_out,
    help_asked,
    rest,
)
from tests.dialogue_corpus import Dialogue

# The story asked for, or more of it asked for when the opening message already started it.
TELL_OR_MORE = f"{TELL}|补充"
# A short piece of story answered by an example or by the ask for more.
SHORT = f"{EXAMPLE}|{MORE}"

_d = held_out("bi")


def _asks() -> list[Dialogue]:
    """Report by asking: the villager says they want to report, then answers each step."""
    return [
        _d(
            "salar-lorry",
            "report",
            "report;cat=吃拿卡要;keep=运输证",
            "我是循化的 跑大车的 有个事要反映一哈",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "办道路运输证 镇上办事的人说先给他一千块 不给就一直拖着不办"),
            *rest(who="{opt:乡镇}"),
        ),
        _d(
            "monk-sister",
            "report",
            "report;keep=亲戚",
            "举报",
            (ASKCAT, "{optw:优亲厚友}"),
            (TELL, "村长亲戚 都吃低保"),
            (MORE, "我家没有"),
            *rest(more="好", pic="没"),
        ),
        _d(
            "accountant-neighbour",
            "report",
            "report;anon=1;keep=光伏",
            "我想反映我们村会计的事 我是他邻居",
            (ASKCAT, "{opt:资金}"),
            (TELL, "会计家今年新盖了两层楼 村上集体的光伏分红三年没给大家分过 账也从来不公开"),
            *rest(name="{opt:匿名}"),
        ),
        _d(
            "xining-wife",
            "report",
            "report;keep=弟媳妇",
            "老公在西宁打工 家里就我一个 我要反映个问题",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "社长说俺老公在外面挣钱 就把俺家的监测户名额给了他弟媳妇 他弟媳妇家开着铺子"),
            *rest(),
        ),
        _d(
            "voice-elder",
            "report",
            "report;cat=优亲厚友;keep=裂开了",
            "我要举包村上的事情你们听一哈",
            (ASKCAT, "{opth:优亲厚友}"),
            (TELL, "去年的为房改造我家房子墙都裂开了没给改村长说明额满了他自己家亲戚房子好好的给改了"),
            (MORE, "就这么多了你们管一哈"),
            *rest(who="村干部", pic="没有照相"),
        ),
        _d(
            "army-back",
            "report",
            "report;anon=0;keep=耕地",
            "退伍回来了 发现村上有问题 想举报",
            (ASKCAT, "{opt:资金}"),
            (TELL, "我当兵这两年 家里的耕地补贴是村上代领的 一分都没给我爸妈"),
            *rest(name="{opt:实名}", give="韩小军 13897012345"),
        ),
        _d(
            "beekeeper-list",
            "report",
            "report;keep=蜂箱",
            "俺是互助养蜂的 反映个问题",
            (ASKCAT, "{opt:资金}"),
            (TELL, "县上给养蜂户的蜂箱补贴 村上报的名单里有好几家根本不养蜂 都是村干部的熟人"),
            *rest(),
        ),
        _d(
            "ledu-greenhouse",
            "report",
            "report;cat=项目;keep=棚膜",
            "乐都的 种菜的 我要投诉",
            (ASKCAT, "{opt:项目质量}"),
            (TELL, "村上建的蔬菜大棚去年才建好 今年一场风就把棚膜全刮烂了 钢架也是弯的"),
            *rest(who="{opt:不清楚}"),
        ),
        _d(
            "veteran-cigarettes",
            "report",
            "report;anon=0;keep=买烟",
            "我是伤残军人 有个情况要反映",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "每次去镇上民政办盖章 那个办事员都要我给他买烟 不买就说下次再来"),
            *rest(who="{opt:乡镇}", name="{opt:实名}", give="李建国 18909721234"),
        ),
        _d(
            "polite-collective",
            "report",
            "report;anon=1;keep=集体经济收入",
            "您好，我想向纪委监委反映一个问题，请问应该如何操作？",
            (ASKCAT, "{opt:资金}"),
            (TELL, "我们村二〇二三年的集体经济收入，村委会一直没有公开，据我所知有一部分被用于村干部吃喝。"),
            (MORE, "以上就是全部情况，谢谢。"),
            *rest(pic="暂时没有证据。", name="{opt:匿名}", check="确认无误，提交。"),
        ),
        _d(
            "bursts",
            "report",
            "report;keep=低保",
            "举报",
            (ASKCAT, "{optc:优亲厚友}"),
            (TELL, "社长侄子"),
            (SHORT, "有楼房"),
            (SHORT, "还吃低保"),
            *rest(more="完了", pic="没拍", name="匿名", check="提交"),
        ),
        _d(
            "afraid-leader",
            "report",
            "report;anon=1;keep=误工费;drop=知道是我",
            "我是村民小组长 要是反映了 村上知道是我说的咋办",
            "那我就匿名反映吧",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村支书让我在一笔修渠的领款单上签字 说是给社员的误工费 实际上社员一分钱没拿到"),
            *rest(name="{opt:匿名}"),
        ),
        _d(
            "safety-photo",
            "report",
            "report;anon=1;drop=查到",
            "有个事想举报一下",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "村上分救灾面粉 书记家亲戚一家领了五袋 俺们好些人家一袋都没有"),
            (MORE, "好了"),
            (WHO, "村干部"),
            (PIC, "拍照的话会不会被他们查到是谁拍的"),
            (PIC, "那照片不发了"),
            (NAMEQ, "匿名"),
            (CHECK, "1"),
        ),
        _d(
            "mind-real-name",
            "report",
            "report;anon=0;keep=入户费",
            "我想反映一下村里的事",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村上收了每户三百块的自来水入户费 说好开收据 到现在也没给 水也是时有时无"),
            *rest(check="我还是留个名字吧 实名"),
            (NAMEGIVE, "马永福 13519721234"),
            (CHECK, "1"),
        ),
        _d(
            "fullwidth-steps",
            "report",
            "report;anon=1",
            "投诉村干部",
            (ASKCAT, "{optw:资金}"),
            (TELL, "低保户的取暖费补贴 村上说要统一扣去交电费 一户扣了五百"),
            *rest(who="{optw:村干部}", name="{optw:匿名}", check="{optw:提交}"),
        ),
        _d(
            "dead-still-paid",
            "report",
            "report;keep=殁了",
            "想检举个事 阿么整",
            (ASKCAT, "{opt:资金}"),
            (TELL, "俺们庄子上的马老汉前年就殁了 他的养老金到现在还在发 卡在社长手里"),
            *rest(more="莫有了 就这些"),
        ),
        _d(
            "fake-ledger",
            "report",
            "report;keep=水泥",
            "我要举报 村里有假账",
            (ASKCAT, "{opt:资金}"),
            (TELL_OR_MORE, "今年修村道的账上写着用了两百吨水泥 我们天天在路上看着 最多一百来吨"),
            *rest(),
        ),
        _d(
            "fee-certificate",
            "report",
            "report;cat=吃拿卡要",
            "有个事想给纪委说说",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "给娃办户口迁移 村上开个证明要收两百 说是工本费 也不给开票"),
            *rest(),
        ),
        _d(
            "land-compensation",
            "report",
            "report;keep=补偿款",
            "我要反映 征地的事",
            (ASKCAT, "{opt:资金}"),
            (TELL_OR_MORE, "村上修光伏电站占了俺们社二十亩地 补偿款说是一亩八千 到俺们手里一亩三千"),
            *rest(),
        ),
        _d(
            "category-words",
            "report",
            "report;cat=评定不公|优亲厚友;keep=公示",
            "你好 我要举报",
            (ASKCAT, "评定不公那个"),
            (TELL, "村上评监测户的时候 没开会也没公示 直接就定了村长的两个亲戚"),
            *rest(more="说完啦 就这些"),
        ),
    ]


def _stories() -> list[Dialogue]:
    """Misconduct told as a story from the main menu, offered as a report."""
    return [
        _d(
            "s-pasture-rent",
            "story",
            "report;keep=租金",
            "村里的集体牧场租给外地老板了 一年租金八万 账上只记了三万",
            (OFFER, "1"),
            *rest(),
        ),
        _d(
            "s-voice-dead",
            "story",
            "report;keep=高龄补贴",
            "我们社里的韩家老奶奶去年就不在了她的高龄补贴还一直在发村上会计拿着她的折子",
            (OFFER, "是的"),
            *rest(more="好了好了", pic="没有"),
        ),
        _d(
            "s-emoji-sheep",
            "story",
            "report;keep=扶贫羊",
            "😡😡村主任把扶贫羊分给他自家兄弟了 我们真正困难的一只都没有",
            (OFFER, "嗯嗯"),
            *rest(),
        ),
        _d(
            "s-son-in-law-post",
            "story",
            "report;keep=女婿",
            "公益性岗位让书记的女婿占了 一年到头人影都不见 工资照拿",
            (OFFER, "１"),
            *rest(),
        ),
        _d(
            "s-pick-category",
            "story",
            "report;cat=资金|funds;keep=退耕还林",
            "社长把退耕还林的补助款扣了一部分 说是给社里办事用",
            (OFFER, "３"),
            (ASKCAT, "{opt:资金}"),
            *rest(),
        ),
        _d(
            "s-tents",
            "story",
            "report;keep=帐篷",
            "书记把村里的救灾帐篷拉回自己家了 这个能管不",
            (OFFER, "1"),
            *rest(),
        ),
        _d(
            "s-fake-names",
            "story",
            "report;keep=分红名单",
            "村里合作社的分红名单上有十几个人根本不是我们村的 都是会计编的名字 钱让他领走了",
            (OFFER, "1"),
            *rest(),
        ),
        _d(
            "s-square-kin",
            "story",
            "report;keep=小舅子",
            "村里修文化广场的活 村长直接给了他小舅子 也没招标",
            (OFFER, "1"),
            *rest(),
        ),
        _d(
            "s-army-payment",
            "story",
            "report",
            "退役回来的一次性补助 镇上的人说早发了 我卡上根本没有 问了几回都推",
            (OFFER, "对"),
            *rest(who="{opt:乡镇}"),
        ),
        _d(
            "s-pieces",
            "story",
            "report;keep=草场补贴",
            "支书",
            "把俺家的",
            "草场补贴领走了",
            (OFFER, "1"),
            *rest(),
        ),
        _d(
            "s-safety-beside",
            "story",
            "report;anon=1;keep=开饭馆;drop=报复",
            "村上的低保名单里有开饭馆的 我们这些种地的反而没有 我举报的话会不会被报复",
            (OFFER, "1"),
            *rest(name="匿名"),
        ),
        _d(
            "s-inspection-meal",
            "story",
            "report;keep=签字",
            "验收蜂场项目那天 镇上来的人在农家乐吃了一顿就签字了 蜂箱一半都是坏的",
            (OFFER, "1"),
            *rest(who="{opt:乡镇}"),
        ),
        _d(
            "s-offer-words",
            "story",
            "report;keep=表哥",
            "村文书把俺家的危房改造名额让给他表哥了",
            (OFFER, "对 就是要反映这个"),
            *rest(),
        ),
        _d(
            "s-bridge",
            "story",
            "report;cat=项目",
            "村口那个新修的桥 护栏一推就晃 才修好两个月",
            (OFFER, "1"),
            *rest(who="{opt:不清楚}"),
        ),
    ]


def _hardships() -> list[Dialogue]:
    """A household's hardship, registered for help with a phone number."""
    return [
        _d(
            "h-granny",
            "hardship",
            "hardship;anon=0",
            "俺一个老婆子带着两个孙子 娃的爹妈离了都不管 俺腿也不好 供不起娃上学了",
            (HOFFER, "1"),
            *help_asked("俺自己家", "{opt:上学}", "前年娃他爸妈走的", "三个人", "娃上学的资助", "13897123456"),
        ),
        _d(
            "h-voice-stroke",
            "hardship",
            "hardship;keep=脑溢血",
            "我老汉去年冬天脑溢血了瘫在炕上花了七八万看病钱都是借的",
            (HOFFER, "要登记"),
            *help_asked("我家", "大病", "去年冬天", "就我们老两口", "看病报销还有临时救助", "13909721588"),
        ),
        _d(
            "h-neighbour-flood",
            "hardship",
            "hardship",
            "我们隔壁的马奶奶一个人过 房子去年叫雨水泡塌了半边 现在住在羊圈里",
            (HOFFER, "1"),
            *help_asked(
                "{opt:别人家}",
                "{opt:自然灾害}",
                "去年七月发大水",
                "1个",
                "帮她把房子修一下",
                "她没电话 打我的 15209721234",
            ),
        ),
        _d(
            "h-xining-fall",
            "hardship",
            "hardship",
            "老公在西宁工地上干活 从架子上掉下来了 腰断了 老板跑了 工钱也没给",
            (HOFFER, "1"),
            *help_asked(
                "我家", "{opt:意外}", "上个月二十号", "一家四口", "看病的钱 还有娃娃上学", "１８７９７２１２３４５"
            ),
        ),
        _d(
            "h-bees-frost",
            "hardship",
            "hardship",
            "今年春上一场冻 俺的六十箱蜂死了一大半 贷款还欠着",
            (HOFFER, "1"),
            *help_asked("自己家", "自然灾害", "今年四月", "5", "贷款能缓一缓 再给点临时救助", "13709721122"),
        ),
        _d(
            "h-veteran-cancer",
            "hardship",
            "hardship",
            "我是残疾退伍军人 老伴又查出来乳腺癌 家里就靠我那点抚恤金 实在顶不住了",
            (HOFFER, "1"),
            *help_asked("1", "1 2", "今年八月查出来的", "两口人", "医疗救助", "18997221234"),
        ),
        _d(
            "h-switch-from-report",
            "hardship",
            "hardship;keep=出车祸",
            "我要反映",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "俺娃去年出车祸腿断了 家里欠了十几万 村上评监测户也没评上俺家"),
            (MORE, "改为困难帮扶"),
            (HOFFER, "1"),
            *help_asked("俺家", "{opt:意外}", "去年腊月", "四口", "评上监测户 给点帮扶", "13619725566"),
        ),
        _d(
            "h-polite-uncle",
            "hardship",
            "hardship;keep=泥石流",
            "您好，我替我舅舅登记一下：他家今年三月遭了泥石流，房屋损毁，一家五口暂住在亲戚家，希望申请临时救助。",
            (HOFFER, "好的，登记。"),
            *help_asked(
                "替我舅舅登记，是别人家。",
                "自然灾害",
                "今年三月",
                "五口人",
                "临时救助",
                "13309721234",
                check="确认提交。",
            ),
        ),
        _d(
            "h-army-dialysis",
            "hardship",
            "hardship",
            "退伍回来找不到活干 俺爹又得了尿毒症 一个礼拜透析三次 家里快揭不开锅了",
            (HOFFER, "嗯 登记"),
            *help_asked("我家", "{opt:大病} {opt:失业}", "今年开春", "家里五个人", "看病报销 找个活干", "15597021234"),
        ),
        _d(
            "h-by-category",
            "hardship",
            "hardship;keep=住院",
            "反映",
            (ASKCAT, "{opt:困难}"),
            (WHOSE, "自己家"),
            (HWHAT, "阿妈病了 在西宁住院一个月了 钱都花光了"),
            (HKIND, "大病"),
            (HWHEN, "上个月"),
            (HPEOPLE, "6口"),
            (HHELP, "看病的钱"),
            (HPHONE, "13209721234"),
            (HCHECK, "提交"),
        ),
    ]


def _persons() -> list[Dialogue]:
    """Asking for a person: the question reaches the staff."""
    return [
        _d("p-zhuan", "person", "human", "转个人工", (ASKQ, "俺家的耕地地力补贴今年咋少了一半")),
        _d("p-with-question", "person", "human", "人工 我想问问残疾军人的抚恤金今年涨了没有"),
        _d("p-real", "person", "human", "能不能跟真人说话 机器说不清楚", (ASKQ, "宅基地的证丢了咋补办")),
        _d(
            "p-cadre",
            "person",
            "human",
            "找个干部 俺问个事",
            (ASKQ, "俺孙子的户口在他爸那边 能不能迁到俺这儿来"),
        ),
        _d("p-pinyin", "person", "human", "rengong", (ASKQ, "种辣子的大棚有没有补贴")),
        _d("p-kefu-twice", "person", "human", "客服 客服", (ASKQ, "蜂农有没有啥保险 一箱蜂能保多少")),
        _d(
            "p-polite",
            "person",
            "human",
            "您好，请帮我转接人工服务，谢谢。",
            (ASKQ, "请问退役士兵自主就业的一次性补助由哪个部门发放？"),
        ),
    ]


def _projects() -> list[Dialogue]:
    """The village's published projects and funds."""
    return [
        _d("j-road-money", "projects", "projects", "村上修的路花了多少钱"),
        _d("j-look", "projects", "projects", "看一哈村里的项目"),
        _d("j-detail-wide", "projects", "detail", "项目公开", (LIST, "１")),
        _d("j-detail-ordinal", "projects", "detail", "村上的钱都花到哪了 公开一下", (LIST, "第一个")),
        _d("j-pages", "projects", "projects", "村里今年的项目", (LIST, "更多"), (LIST, "上一页")),
        _d("j-greenhouse", "projects", "projects", "大棚那个项目花了多少钱 能看看不"),
        _d("j-detail-two", "projects", "detail", "村集体的钱 看看", (LIST, "2")),
    ]


def _tracking() -> list[Dialogue]:
    """Looking up a filed case by its number and query code."""
    return [
        _d("t-parts", "tracking", "case", "查哈俺的案子", (TRACKQ, "{p1} {p2} {p3} {c}")),
        _d("t-lines-wide", "tracking", "case", "我上次反映的那个事有结果了没", (TRACKQ, "{nf}\n{cf}")),
        _d("t-code-first", "tracking", "case", "进度", (TRACKQ, "查询码是{cs} 编号是{n}")),
        _d("t-period", "tracking", "case", "查询", (TRACKQ, "{n}。{c}")),
        _d("t-menu-four", "tracking", "case", "４", (TRACKQ, "{nd} {cf}")),
        _d("t-direct", "tracking", "case", "帮我查一下 编号{n} 查询码{c}"),
        _d("t-short-county", "tracking", "notcase", "查进度", (TRACKQ, "63022-2026-{p3} {c}")),
    ]


def _smalltalk() -> list[Dialogue]:
    """Small talk: a short answer in kind and the menu."""
    return [
        _d("m-cold", "smalltalk", "menu", "辛苦了你们 大冷天的"),
        _d("m-ok", "smalltalk", "menu", "好的好的 👌"),
        _d("m-thanks", "smalltalk", "menu", "谢谢啊 帮了大忙了"),
        _d("m-there", "smalltalk", "menu", "在不在呀"),
        _d("m-roses", "smalltalk", "menu", "🌹🌹🌹"),
        _d("m-morning", "smalltalk", "menu", "早上好 各位领导"),
    ]


def _navigation() -> list[Dialogue]:
    """Leaving, going back and asking for help."""
    return [
        _d(
            "n-leave-midway",
            "navigation",
            "cancel",
            "我要举报",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "算了 不弄了 怕惹麻烦"),
        ),
        _d("n-step-back", "navigation", "back", "我要投诉", (ASKCAT, "{opt:资金}"), (TELL, "上一步")),
        _d("n-help", "navigation", "help", "帮助"),
        _d("n-home-from-list", "navigation", "menu", "项目", (LIST, "回首页")),
        _d(
            "n-hardship-leave",
            "navigation",
            "cancel",
            "俺家的房子叫雪压塌了 娃他爸又病着",
            (HOFFER, "1"),
            (WHOSE, "自己家"),
            (HKIND, "自然灾害"),
            (HWHEN, "前几天"),
            (HPEOPLE, "四个"),
            (HHELP, "修房子"),
            (HPHONE, "电话就不留了 那算了"),
        ),
    ]


def _questions() -> list[Dialogue]:
    """Policy questions."""
    return [
        _d("q-disability", "question", "answer", "残疾人两项补贴咋申请"),
        _d("q-farmland", "question", "answer", "耕地地力保护补贴一亩多少钱"),
        _d("q-vocational", "question", "answer", "娃上中职有啥资助"),
        _d("q-pension", "question", "answer", "养老保险最低一档一年交多少"),
    ]


def blind_i() -> list[Dialogue]:
    return [
        *_asks(),
        *_stories(),
        *_hardships(),
        *_persons(),
        *_projects(),
        *_tracking(),
        *_smalltalk(),
        *_navigation(),
        *_questions(),
    ]
