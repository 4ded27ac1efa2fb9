"""Blind dialogue set Q (issue #18 §1-§5): 80 conversations written by helper "qwrite" on 2026-12-07
(about 11:03-11:07 UTC) from the issue, README.md, docs/chat.md and the harness (tests/dialogue_eval.py,
tests/dialogue_corpus.py, tests/blind_support.py, the first 60 lines of tests/dialogue_blind_n.py for the
format) alone, without opening the code that answers them (bot/, cases/, knowledge/, handlers/, villages/)
or the other blind sets' phrasings, and never run by its writer.

The people are villagers of 海东 (青海) unlike those of the earlier sets: a 互助 farmer's wife who sends many
short messages in a row before the chat answers, a 化隆 man who mixes 回族 loan words (色俩目, 胡达) with
dialect, a 乐都 vegetable trader who bargains with the chat, a young woman with many emoji and 哈哈哈, a
villager who pastes text from a WeChat group notice (and once the chat's own confirmation) into the chat,
an old 党员 who writes in 文件 style (根据…规定, 一、二、, 特此反映), a drunk-sounding man at night (typos,
words said twice), a 民和 woman who calls the chat 娃娃 and herself 阿姨, a teacher of the 村小 speaking for a
pupil's family, and a carpenter who answers every step with a number plus words (2 村上的).
They write dialect (啥, 咋, 阿么, 娃, 俺, 莫, 些, 一哈, 尕, 哩, 麻达), typos and same-sound slips, full-width
digits, Chinese numerals and emoji, answer steps in their own words (sometimes with more or less than
asked), change their mind, leave mid-way and ask about safety.
The expected outcomes are what such a villager would rightly expect from the issue, not guesses at the code.
A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`: either), as a villager
answers only what is asked; a plain turn is sent whatever the last reply said (the farmer's wife's bursts);
`{opt:词}` is the number the villager reads in front of 词 in that reply.
Run by `python -m tests.dialogue_eval --part blind_q`.
"""

from __future__ import annotations

from tests.blind_support import (
    ASKCAT,
    ASKQ,
    HOFFER,
    HWHAT,
    OFFER,
    TELL,
    TRACKQ,
    WHOSE,
    held_out,
    help_asked,
    rest,
)
from tests.dialogue_corpus import Dialogue

_d = held_out("bq")


def _huzhu_wife() -> list[Dialogue]:
    """A 互助 farmer's wife: many short messages in a row, each sent before the chat has answered."""
    return [
        _d(
            "hz-caojiang-bursts",
            "report",
            "report;anon=1;keep=扣了五百",
            "在吗",
            "有个事",
            "我要反映",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "俺们社长"),
            "把俺家的草原补奖扣了五百",
            "说是交啥管理费",
            "别家也扣了",
            *rest(more="就这些"),
        ),
        _d(
            "hz-gongyigang-more",
            "report",
            "report;anon=1;keep=工资照拿",
            "组长把公益岗给了他儿媳妇",
            (OFFER, "1"),
            "一天也不扫地 工资照拿",
            "还有他侄子也是护林员 山上没去过",
            *rest(more="好了 没了"),
        ),
        _d(
            "hz-ada-naogeng",
            "hardship",
            "hardship;anon=0",
            "我阿大脑梗了 住院了",
            "花了八万多",
            "家里没钱了",
            (HOFFER, "1"),
            *help_asked(
                whose="1 自己家",
                kind="{opt:大病}",
                when="上个月",
                people="5口",
                wanted="看病报销",
                phone="13712340561",
            ),
        ),
        _d(
            "hz-person-yanglaojin",
            "person",
            "human",
            "找个干部",
            (ASKQ, "俺家老汉的养老金三个月没到了 咋回事"),
            "就这个",
        ),
        _d(
            "hz-nav-o-suanle",
            "navigation",
            "cancel",
            "3",
            (ASKCAT, "{opt:评定不公}"),
            "哦",
            "不对",
            "算了",
            "不弄了",
        ),
        _d(
            "hz-proj-shuiqu",
            "projects",
            "projects",
            "问一哈",
            "村上今年修的水渠",
            "花了多少钱 能看不",
        ),
        _d("hz-choice-er-third", "choice", "detail", "菜单", "二", "第三个"),
        _d(
            "hz-safety-bursts",
            "safety",
            "report;anon=1;drop=知道了",
            "我想反映",
            "能匿名不",
            "村上知道了咋办",
            (ASKCAT, "{opt:评定不公}"),
            (TELL, "低保评的不公 组长家亲戚都有 俺家娃他爸残疾了都没评上"),
            *rest(),
        ),
    ]


def _hualong_man() -> list[Dialogue]:
    """A 化隆 man mixing 回族 loan words (色俩目, 胡达, 阿訇) with dialect."""
    return [
        _d(
            "hl-zhengming-sanbai",
            "report",
            "report;anon=1;keep=三百块",
            "色俩目 我要举报俺们村的书记",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "办个养殖贷款的证明 书记要了三百块 不给不盖章 胡达知道哩"),
            *rest(more="就这些 胡达作证"),
        ),
        _d(
            "hl-hardship-lamian-tangshang",
            "hardship",
            "hardship;anon=0",
            "色俩目 俺娃在拉萨的拉面馆叫开水烫伤了 回来躺着哩 馆子也不管 家里一下没了进项",
            (HOFFER, "嗯 登记"),
            *help_asked(
                whose="俺自己家",
                kind="{opt:意外}",
                when="这个月初",
                people="七口人",
                wanted="看病的钱 再给点救助",
                phone="马尕西木 13812346720",
            ),
        ),
        _d(
            "hl-story-jiujimian",
            "story",
            "report;anon=1;keep=救济面",
            "胡达在上 我们社长把民政发的救济面拉到他家去了 穷人家一袋也没见",
            (OFFER, "对 开始"),
            *rest(),
        ),
        _d("hl-nav-buchale", "navigation", "back", "色俩目", "4", "哎 不查了 返回"),
        _d("hl-proj-silu", "projects", "projects", "村里清真寺门前那条路 花了多少钱 公开了没有"),
        _d("hl-track-yiha", "track", "case", "色俩目 帮我查一哈 {ns} 查询码 {c}"),
        _d("hl-small-haozhemei", "smalltalk", "menu", "色俩目 好着没"),
        _d(
            "hl-safety-madai",
            "safety",
            "report;anon=1;keep=一百块",
            "我举报了书记 他知道了会不会找我麻达",
            "那我要反映",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "书记收了俺们每户一百块 说是修寺门前的路 路到现在没修"),
            *rest(),
        ),
    ]


def _ledu_trader() -> list[Dialogue]:
    """A 乐都 vegetable trader who bargains with the chat."""
    return [
        _d(
            "ld-dapeng-baoming",
            "report",
            "report;anon=1;keep=一户要先交两百",
            "反映个事 你们这个要不要钱",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "村上给大棚补贴 会计说一户要先交两百才给报名 俺讲价讲到一百他才给报上"),
            *rest(more="就这些了", name="匿名就行 不收钱吧"),
        ),
        _d(
            "ld-hardship-caijia",
            "hardship",
            "hardship;anon=0",
            "今年菜价贱的很 一车洋芋卖了不到本钱 欠了三万 家里老人还要看病 日子咋过",
            (HOFFER, "1"),
            *help_asked(
                whose="自家的",
                kind="收入少了 老人看病",
                when="今年秋上",
                people="四个人",
                wanted="能给点救助不 多少都行",
                phone="13712348830",
            ),
        ),
        _d(
            "ld-story-dizu",
            "story",
            "report;anon=1;keep=一亩八百",
            "村长把大棚的地租给外面老板 一亩八百 给俺们说五百 中间的钱他拿了",
            (OFFER, "1 就这么办"),
            *rest(),
        ),
        _d(
            "ld-person-jiangjia",
            "person",
            "person",
            "跟机器讲不了价 给我找个人",
            (ASKQ, "蔬菜大棚补贴一个棚到底补多少 别家说三千 村上说两千"),
        ),
        _d("ld-nav-dengyiha", "navigation", "menu", "3", "等一哈 先不弄了 回首页"),
        _d("ld-proj-lengku", "projects", "projects", "村里的冷库花了多少钱 我看看划算不划算"),
        _d("ld-choice-xuaner", "choice", "projects", "你们这有几个选项 我选二"),
        _d(
            "ld-safety-shoucai",
            "safety",
            "report;anon=1;keep=两毛",
            "我反映了 村长会不会不让我在村里收菜了",
            "那好 反映",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "村长管着村里的菜站 收菜的时候每斤压两毛 说是给村上的 钱进了他自己口袋"),
            *rest(),
        ),
    ]


def _emoji_girl() -> list[Dialogue]:
    """A young woman writing with many emoji and 哈哈哈."""
    return [
        _d(
            "em-zhangmuniang",
            "report",
            "report;anon=1;keep=丈母娘",
            "哈哈哈我终于找到举报的地方了😂😂",
            (ASKCAT, "{opt:评定不公}"),
            (TELL, "我们组长给他丈母娘评了低保😅她家三层小楼哈哈哈 我奶奶八十多了没评上😭"),
            *rest(more="没了没了😂", pic="没拍😅", name="匿名🙈"),
        ),
        _d(
            "em-story-guangfu",
            "story",
            "report;anon=1;keep=光伏",
            "救命😱我们村书记把村里的光伏分红发给他自己家里人了 每人多拿两千 别人一分没有🙄",
            (OFFER, "1😂"),
            *rest(more="就这些啦😂", name="匿名匿名🙏"),
        ),
        _d(
            "em-person-zhenren",
            "person",
            "person",
            "有真人嘛😭机器人我聊不明白哈哈哈",
            (ASKQ, "我奶奶的高龄补贴咋停了 你们帮忙问问🙏"),
        ),
        _d(
            "em-nav-suanle",
            "navigation",
            "cancel",
            "3",
            (ASKCAT, "{opt:评定不公}"),
            "emm算了算了😂先不举报了",
        ),
        _d("em-proj-more", "projects", "projects", "村里的项目👀 想看看钱都花哪了", "下一页👉"),
        _d("em-track-badnumber", "track", "notcase", "帮我查一下进度呗😊", (TRACKQ, "{p1}-{p2}-{p3}8 {c} 😊")),
        _d("em-choice-wide-four", "choice", "case", "４😂", (TRACKQ, "{nf}　{c}")),
        _d("em-small-haha", "smalltalk", "menu", "哈哈哈哈 你们这个挺好玩的😂👍"),
    ]


def _group_notice() -> list[Dialogue]:
    """A villager who pastes text from a WeChat group notice (or the chat's own reply) into the chat."""
    return [
        _d(
            "gn-guanlifei",
            "report",
            "report;anon=1;keep=五十块",
            "【村务通知】各位村民：请于本周五前到村委会交纳医保费，每人三百八十元，另交村务管理费五十元，逾期不办。——村委会",
            "这个管理费以前没有过 我要反映",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "村委会通知里让每人多交五十块管理费 说不交就不给办医保"),
            *rest(),
        ),
        _d(
            "gn-hardship-jiance",
            "hardship",
            "hardship;anon=0",
            "【通知】防止返贫动态监测：凡因病、因残、因灾、因意外事故等导致收入骤减或支出骤增的农户，可向村委会申请。",
            "俺家就是这个 娃他爸在工地上把腰摔坏了 干不了活 俺要登记",
            (HOFFER, "1"),
            *help_asked(
                whose="1",
                kind="{opt:意外}",
                when="上个月",
                people="四口",
                wanted="临时救助 娃上学的钱",
                phone="13812347702",
            ),
        ),
        _d("gn-help-buchong", "navigation", "help", "群里说你们这个能查进度 还能补充材料 咋用 帮助"),
        _d(
            "gn-proj-lu-detail",
            "projects",
            "detail",
            "【公示】本村2024年村内道路硬化工程已完工验收，详情请在清风公众号“项目公开”查看。",
            "我想看这个路的详细 钱咋花的",
            "{opt:道路硬化}",
        ),
        _d(
            "gn-proj-jiti",
            "projects",
            "projects",
            "各位村民：村集体经济收入及支出情况已在公众号公开，请大家监督。",
            "在哪看呢 俺咋看不着",
        ),
        _d("gn-track-paste", "track", "case", "已提交，感谢您的反映！\n案件编号：{n}\n查询码：{c}\n请记好编号和查询码"),
        _d("gn-small-shoudao", "smalltalk", "menu", "收到，谢谢！🌹🌹🌹"),
        _d(
            "gn-question-yibao",
            "question",
            "answer",
            "转发：2026年城乡居民医保缴费开始了，请各位村民按时缴纳。",
            "这个是真的吗 医保一年交多少 在哪交",
        ),
    ]


def _old_party_member() -> list[Dialogue]:
    """An old 党员 writing in 文件 style."""
    return [
        _d(
            "dy-weifang-haochufei",
            "report",
            "report;anon=0;keep=好处费",
            "根据《中国共产党纪律处分条例》相关规定，本人作为一名有四十年党龄的老党员，现向组织反映问题。",
            (ASKCAT, "{opt:吃拿卡要}"),
            (
                TELL,
                "一、我村党支部书记在危房改造验收中，向农户索要好处费每户五百元；二、不给者验收不予通过。以上情况属实。",
            ),
            *rest(more="以上，特此反映。", name="{opt:实名}", give="李守仁 13912347788"),
        ),
        _d(
            "dy-story-caochang",
            "story",
            "report;anon=1;keep=个人账户",
            "根据村务公开有关规定，村集体收支应每季度公开一次。我村自2024年以来从未公开，村委会主任将集体草场承包费十二万元存入其个人账户。",
            (OFFER, "1"),
            *rest(more="特此反映。"),
        ),
        _d(
            "dy-story-dibao-yigeren",
            "story",
            "report;cat=评定|优亲",
            "按照规定低保评定应当经村民代表会议民主评议 我村没有开会 名单是书记一个人定的 其中三户是他的亲属",
            (OFFER, "同意，开始反映"),
            *rest(more="以上。", who="村干部"),
        ),
        _d(
            "dy-person-qingshi",
            "person",
            "person",
            "请转有关部门工作人员，本人有政策问题需当面请示。",
            (ASKQ, "退休村干部的生活补贴按何文件执行，本村为何至今未落实？"),
        ),
        _d("dy-proj-chayue", "projects", "projects", "依据村务公开制度，本人要求查阅本村2024年度项目资金使用情况。"),
        _d("dy-track-fenhao", "track", "case", "查询本人所反映问题的办理进度。编号：{nf}；查询码：{cf}。"),
        _d("dy-small-shouxi", "smalltalk", "menu", "收悉。感谢组织的关心！"),
        _d("dy-question-dibao", "question", "answer", "请问：根据现行规定，农村低保的申请条件和办理程序是什么？"),
    ]


def _drunk_man() -> list[Dialogue]:
    """A drunk-sounding man at night: typos, words said twice."""
    return [
        _d(
            "zui-hejiu-gongkuan",
            "report",
            "report;anon=1;keep=喝酒",
            "喂喂 在不在 在不在",
            "我要举报举报 举报",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "那个那个书计 喝酒都是村里的钱 村里的钱 喝了好几年了 我都看见了看见了"),
            *rest(more="好了好了 就这", pic="没有 没有照片", name="匿名 匿名"),
        ),
        _d(
            "zui-hardship-huobuxiaqu",
            "hardship",
            "hardship;anon=0",
            "兄弟 我跟你说 我现在活不下去了 媳妇走了 娃娃上学 钱没有 工地也不要我了 腿也瘸了",
            (HOFFER, "登 登记"),
            *help_asked(
                whose="我 我自己",
                kind="{opt:残疾}",
                when="去年 去年冬天",
                people="三个 我和两个娃",
                wanted="娃上学 娃上学的钱",
                phone="13712346604 我的我的",
            ),
        ),
        _d(
            "zui-story-zhangpeng",
            "story",
            "report;anon=1;keep=帐篷",
            "村长村长把救灾的帐篷 拉他亲戚家去了 去了 我亲眼看见的",
            (OFFER, "对 就是 1"),
            *rest(more="说完了 睡了"),
        ),
        _d(
            "zui-person-jiqi",
            "person",
            "person",
            "叫个人来 我不跟机器说话 机器 机器",
            (ASKQ, "我的残疾证咋还没办下来 半年了"),
        ),
        _d("zui-nav-shuijiao", "navigation", "cancel", "3", "3", "算了算了 不弄了 睡觉"),
        _d("zui-small-haoren", "smalltalk", "menu", "谢谢谢谢 你们是好人 好人"),
        _d(
            "zui-safety-da",
            "safety",
            "report;anon=1;keep=水窖",
            "我说了 他们 他们会不会打我",
            "我要反映",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "社长 社长每家收了两百 说是修水窖 水窖没修 钱没了"),
            *rest(),
        ),
        _d("zui-question-canji", "question", "answer", "残疾人 残疾人 有啥补贴没 没有吗"),
    ]


def _minhe_auntie() -> list[Dialogue]:
    """A 民和 woman who calls the chat 娃娃 and herself 阿姨."""
    return [
        _d(
            "mh-zhongzi-sanfen",
            "report",
            "report;anon=1;keep=三份",
            "娃娃 阿姨要反映个事",
            (ASKCAT, "{opt:评定不公}"),
            (TELL, "娃娃你听着 俺们村的玉米种子补贴 组长家亲戚一户领了三份 俺们一份都没有"),
            *rest(more="就这些 娃娃你记下了没", pic="没有照片娃娃"),
        ),
        _d(
            "mh-hardship-laohan",
            "hardship",
            "hardship;anon=0",
            "娃娃 阿姨家的老汉腿摔断了 躺在炕上 家里没人挣钱了",
            (HOFFER, "1"),
            *help_asked(
                whose="阿姨自己家",
                kind="{opt:意外}",
                when="前半个月",
                people="三口人",
                wanted="给点救助 看病的钱",
                phone="娃娃 阿姨没手机 这是儿子的 13812345218",
            ),
        ),
        _d(
            "mh-story-zhucun",
            "story",
            "report;anon=1;keep=替他签",
            "娃娃 村上那个驻村的干部天天不见人 签到都是会计替他签的",
            (OFFER, "嗯 1"),
            *rest(),
        ),
        _d(
            "mh-person-daren",
            "person",
            "person",
            "娃娃 你叫个大人来 阿姨跟大人说",
            (ASKQ, "俺家的医保交了 卡上咋没钱"),
        ),
        _d("mh-nav-anchole", "navigation", "back", "1", "娃娃 阿姨按错了 回去"),
        _d(
            "mh-choice-sanhao",
            "choice",
            "report;anon=1;keep=瘫了",
            "菜单",
            "三号",
            (ASKCAT, "{optc:评定不公}"),
            (TELL, "低保评的不对 村长的亲戚都评上了 阿姨家娃他爸瘫了都没评上"),
            *rest(),
        ),
        _d("mh-small-chifan", "smalltalk", "menu", "娃娃你辛苦了 吃饭了没"),
        _d(
            "mh-safety-kanzhe",
            "safety",
            "report;anon=1;drop=看着",
            "娃娃 阿姨说了 村上的人能看着是阿姨说的不",
            "那阿姨要反映",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "办个残疾证 村文书要了阿姨二百块钱 不给就不办"),
            *rest(),
        ),
    ]


def _village_teacher() -> list[Dialogue]:
    """A teacher of the 村小 speaking for a pupil's family."""
    return [
        _d(
            "js-yulu-mingman",
            "report",
            "report;anon=0;keep=名额满了",
            "您好，我是村小的老师，替我班上一个学生家反映个问题。",
            (ASKCAT, "{opt:评定不公}"),
            (TELL, "学生家里是监测户，今年的雨露计划补助村上说名额满了，可村干部家的孩子领上了。"),
            *rest(name="{opt:实名}", give="张老师 13912345673"),
        ),
        _d(
            "js-hardship-fanfei",
            "hardship",
            "hardship;anon=0",
            (
                "我是村小老师 我班上有个学生 妈妈去年病逝 爸爸在外打工摔伤回来了 "
                "家里四口人 孩子快交不起饭费了 想替他们家登记困难"
            ),
            (HOFFER, "1"),
            *help_asked(
                whose="{opt:别人家}",
                kind="{opt:意外}",
                when="今年九月",
                people="四口",
                wanted="孩子上学资助 临时救助",
                phone="我的电话 13912345673 孩子爸爸没有手机",
            ),
        ),
        _d(
            "js-hardship-hongshui-menu",
            "hardship",
            "hardship;anon=0;keep=洪水",
            "3",
            (ASKCAT, "{opt:返贫}"),
            (WHOSE, "2 是我学生家"),
            (HWHAT, "学生家房子今年夏天被洪水冲了一半 一家人住在亲戚家"),
            *help_asked(
                whose="2",
                kind="{opt:自然灾害}",
                when="今年七月",
                people="五口人",
                wanted="房子修起来",
                phone="13912345673",
            ),
        ),
        _d(
            "js-story-sanshi",
            "story",
            "report;anon=1;keep=三十块",
            "学生家长跟我说，村会计发粮食补贴时每户扣了三十块，说是手续费。",
            (OFFER, "1"),
            *rest(more="就这些，谢谢"),
        ),
        _d("js-track-nodash", "track", "case", "学生家长让我帮忙查一下：编号{p1}{p2}{p3}，查询码{cs}"),
        _d(
            "js-choice-words",
            "choice",
            "answer",
            "政策咨询",
            (ASKQ, "家里是脱贫户的孩子上高中有什么补助"),
        ),
        _d(
            "js-safety-xuexiao",
            "safety",
            "report;anon=1;drop=学校",
            "我替家长反映，会不会让学校知道？会不会影响孩子？",
            "那我反映一下",
            (ASKCAT, "{opt:评定不公}"),
            (TELL, "学生家是残疾户，组长说低保要轮流吃，今年把他们家停了给了组长弟弟。"),
            *rest(),
        ),
        _d("js-question-zhongzhi", "question", "answer", "建档立卡家庭的孩子上中职，有什么补助政策？"),
    ]


def _carpenter() -> list[Dialogue]:
    """A carpenter who answers every step with the option's number plus words (2 村上的)."""
    return [
        _d(
            "mj-guangchang-muliao",
            "report",
            "report;anon=1;keep=文化广场",
            "3 反映的",
            (ASKCAT, "{opt:项目质量} 工程的"),
            (TELL, "村里新盖的文化广场 木头都是烂的 我干木匠的一看就知道 包工头是书记小舅子"),
            *rest(
                more="好了 就这些",
                who="{opt:村干部} 村上的",
                pic="没有 没拍",
                name="{opt:匿名} 匿名的",
                check="{opt:提交} 提交",
            ),
        ),
        _d(
            "mj-gongqian-kouban",
            "report",
            "report;anon=0;keep=扣了一半",
            "3 我要反映",
            (ASKCAT, "{opt:吃拿卡要} 要钱的"),
            (TELL, "给村委会做了三个月门窗 工钱村上说给了 其实村长扣了一半"),
            *rest(
                more="好了",
                who="{opt:村干部} 村长",
                name="{opt:实名} 实名",
                give="马师傅 13712349915",
                check="{opt:提交} 交",
            ),
        ),
        _d(
            "mj-hardship-dianju",
            "hardship",
            "hardship;anon=0",
            "我是木匠 手叫电锯锯了 三个指头没了 活干不成了 家里五口人",
            (HOFFER, "1 登记"),
            *help_asked(
                whose="1 自己家",
                kind="{opt:意外} 意外",
                when="上上个月",
                people="5 五个人",
                wanted="找个看大门的活 再给点救助",
                phone="13712349915",
            ),
        ),
        _d(
            "mj-person-rengong",
            "person",
            "person",
            "人工 人工的",
            (ASKQ, "木匠能不能申请技能培训补贴 在哪报名"),
        ),
        _d(
            "mj-nav-zero",
            "navigation",
            "cancel",
            "3 反映",
            (ASKCAT, "{opt:评定不公} 评低保的"),
            "0 不弄了",
        ),
        _d("mj-proj-first", "projects", "detail", "2 项目的", "1 第一个"),
        _d("mj-track-four", "track", "case", "4 查的", (TRACKQ, "{n} {c} 查这个")),
        _d(
            "mj-choice-yi",
            "choice",
            "answer",
            "一 政策的",
            (ASKQ, "危房改造一户补多少钱"),
        ),
    ]


def blind_q() -> list[Dialogue]:
    """The 80 dialogues of blind set Q."""
    return [
        *_huzhu_wife(),
        *_hualong_man(),
        *_ledu_trader(),
        *_emoji_girl(),
        *_group_notice(),
        *_old_party_member(),
        *_drunk_man(),
        *_minhe_auntie(),
        *_village_teacher(),
        *_carpenter(),
    ]
