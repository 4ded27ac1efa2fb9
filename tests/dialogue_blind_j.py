"""Blind dialogue set J (issue #18 §1-§5): 80 conversations written by helper "jwrite" on 2026-12-07 (about
00:20-00:45 UTC) from the issue, README.md, docs/chat.md and the harness (tests/dialogue_eval.py,
tests/dialogue_corpus.py, tests/blind_support.py) alone, without opening the code that answers them (bot/,
cases/, knowledge/, handlers/, villages/) or the other sets' phrasings. Never run by its writer.

The people are other villagers of 海东 (青海) than in the earlier sets: a 回族 cattle dealer in 民和, a 土族
member of a 盘绣 embroidery co-op in 互助, a school bus driver, a woman who was the village's 妇联主任, a
14-year-old typing for deaf parents, a Tibetan 乡村医生 (曼巴) who mixes in Tibetan words (阿佳, 阿妈拉, 哦呀,
突及其), an old Party member, a man just out of hospital, a couple arguing in one chat, a woman who married
into the village, a herdsman with poor signal who sends half messages, someone who writes pinyin for some
words, and someone who answers prompts with a question back. They write dialect (啥, 咋, 阿么, 娃, 俺, 莫,
些, 一哈, 整, 尕), typos, full-width digits, Chinese numerals, emoji; they answer steps in their own words,
change their mind, leave mid-way and ask about safety.
A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`: either), as a villager
answers only what is asked; `{opt:词}` is the number the villager reads in front of 词 in that reply.
"""

from __future__ import annotations

from tests.blind_support import (
    ASKCAT,
    ASKQ,
    CHECK,
    HCHECK,
    HHELP,
    HKIND,
    HOFFER,
    HPEOPLE,
    HPHONE,
    HWHEN,
    LIST,
    MORE,
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

# The 修改 menu (which part to change) and the description step reopened from it.
EDITQ = "改"
REOPEN = "经过|补充|添加|加上|重写|接着"

_d = held_out("bj")


def _asks() -> list[Dialogue]:
    """Report by asking: the villager says they want to report, then answers each step."""
    return [
        _d(
            "ask-cattle-dealer",
            "report",
            "report;anon=1",
            "色俩目 我是民和贩牛的 想反映个事",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村上的养殖补贴说是每户三千 俺们庄子上的都只拿了一千五 剩下的村会计说是统一扣了 扣到哪去了不知道"),
            *rest(more="就这些 没了", pic="照片莫有 庄子上的人都知道"),
        ),
        _d(
            "ask-embroidery-coop",
            "report",
            "report;keep=分红",
            "我要反映 我们盘绣合作社的事",
            (ASKCAT, "{opt:资金}"),
            (TELL, "合作社卖绣品的钱 理事长说年底分红 两年了一分没分 账也不给我们看"),
            *rest(more="说完了", who="{opt:村干部}"),
        ),
        _d(
            "ask-busdriver-story-at-category",
            "report",
            "report;keep=一百块",
            "我是开校车的 有个情况要举报",
            (ASKCAT, "村上给娃开个上学的证明都要收一百块钱 不给钱就不盖章"),
            *rest(more="没别的了"),
        ),
        _d(
            "ask-former-fulian-realname",
            "report",
            "report;anon=0;cat=优亲厚友",
            "你好，我以前当过村妇联主任，现在要实名反映一个问题。",
            (ASKCAT, "{opt:优亲厚友}"),
            (
                TELL,
                "今年的监测户认定，村两委没开会评议也没张榜公示，名单是书记一个人定的，里面有两户家里有楼房有小车。",
            ),
            *rest(more="情况就这些。", name="{opt:实名}", give="韩桂兰 13709721846"),
        ),
        _d(
            "ask-teen-for-deaf-parents",
            "report",
            "report;anon=1",
            "我替我爸妈打字 他们听不见也不会说话 想举报",
            (ASKCAT, "{opt:资金}"),
            (TELL, "我爸是残疾人 残疾人补贴本子上写着一个月一百多 可卡上好几个月都没进钱 村上的人说早给过了"),
            *rest(more="我爸说就这些", who="{opt:不清楚}", pic="没有 我不会拍"),
        ),
        _d(
            "ask-tibetan-doctor",
            "report",
            "report;keep=卫生室",
            "扎西德勒 我是村里的曼巴 就是乡村医生 想反映一哈问题",
            (ASKCAT, "{opt:资金}"),
            (TELL, "卫生室的设备补助款下来了 乡上的人说拿去买药了 可卫生室一样东西都莫见 阿妈拉们看病还是老样子"),
            *rest(more="哦呀 就这些", who="{opt:乡镇干部}"),
        ),
        _d(
            "ask-old-party-member",
            "report",
            "report;anon=0",
            "我是老党员了 入党五十年 看不下去了 要向组织反映",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "村上的公益岗位 书记安排的全是他家门里的人 有的一年到头在外地打工 工资照样领"),
            *rest(more="没有了 你们问吧", name="{opt:实名}", give="李生福 电话13897410025"),
        ),
        _d(
            "ask-couple-arguing",
            "report",
            "report;anon=1",
            "我要举报 他爸你别拦着我",
            (ASKCAT, "{opt:资金}"),
            (TELL, "危房改造的钱俺家应该是三万 村长说只批下来两万 剩下一万说是手续费 老汉在旁边叫我别惹事 我不管"),
            *rest(more="就这么个事", name="媳妇说匿名 那就匿名"),
        ),
        _d(
            "ask-newcomer-bride",
            "report",
            "report",
            "我是从甘肃嫁过来的 才来两年 能反映问题不",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "户口迁过来了 社长说外来媳妇不分地也不算人头分红 可外村嫁来的有亲戚在村委的都分上了"),
            *rest(more="好了"),
        ),
        _d(
            "ask-herdsman-pieces",
            "report",
            "report;keep=草原奖补",
            "举报",
            (ASKCAT, "{opt:资金}"),
            (TELL, "草原奖补的钱"),
            (MORE, "社长把俺家那一份"),
            (MORE, "领走了 说俺家草场面积不够"),
            *rest(more="信号不好 说完了"),
        ),
        _d(
            "ask-pinyin",
            "report",
            "report",
            "我要jubao",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "cunzhang把低保给了他qinqi家 俺家真困难没评上"),
            *rest(),
        ),
        _d(
            "ask-question-back",
            "report",
            "report;anon=1;keep=产业扶持;drop=报复",
            "我想反映个事 能行不？",
            (ASKCAT, "{opt:资金}"),
            (TELL, "说了会不会被报复？"),
            (TELL, "村上发产业扶持的羊 社长家领了十只 俺们一户才两只"),
            (MORE, "好了"),
            (WHO, "{opt:村干部}"),
            (PIC, "没有"),
            (NAMEQ, "匿名了谁能看到？"),
            (NAMEQ, "{opt:匿名}"),
            (CHECK, "发出去以后村长能知道是我不？"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "ask-jiefa-accountant",
            "report",
            "report;keep=砂石",
            "我要揭发我们村的会计",
            (ASKCAT, "{opt:资金}"),
            (TELL, "他做假账 村里卖砂石的钱账上只记了一半 另一半不知道整哪去了"),
            *rest(more="就是这么回事"),
        ),
        _d(
            "ask-baoguang-land",
            "report",
            "report",
            "想曝光一下我们村长",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村长把俺们几家的耕地报成了荒地 上面给的补偿款是他领的 俺们一分都没见"),
            *rest(),
        ),
        _d(
            "ask-fullwidth-dead-paid",
            "report",
            "report;keep=养老金",
            "３",
            (ASKCAT, "{optw:资金}"),
            (TELL, "俺们社上的马老汉前年就无常了 他的养老金到现在还在发 卡在社长手里捏着"),
            *rest(more="嗯 没别的"),
        ),
        _d(
            "ask-gaozhuang-chinese-numeral",
            "report",
            "report;cat=优亲厚友",
            "我要告状 告我们社长",
            (ASKCAT, "{optc:优亲厚友}"),
            (TELL, "社长给他女婿家报了个一类低保 他女婿家里开的是挖掘机"),
            *rest(more="没别的了 你问吧"),
        ),
        _d(
            "ask-mind-changed-anon",
            "report",
            "report;anon=1",
            "我要反映",
            (ASKCAT, "扶贫的钱"),
            (TELL, "村上的光伏收益分红 每户应该有八百 俺们只拿了三百 问了会计说都这样"),
            *rest(more="说完了", name="{opt:实名}", give="想了想还是不留名了 匿名吧"),
        ),
        _d(
            "ask-edit-add",
            "report",
            "report;keep=地力补贴;keep=去年的也扣了五百",
            "有个事要反映一下",
            (ASKCAT, "{opt:资金}"),
            (TELL, "今年的耕地地力补贴 村会计说要交水费 给俺家扣了三百"),
            (MORE, "好了"),
            (WHO, "{opt:村干部}"),
            (PIC, "没有"),
            (NAMEQ, "{opt:匿名}"),
            (CHECK, "{opt:修改}"),
            (EDITQ, "{opt:经过}"),
            (REOPEN, "去年的也扣了五百"),
            (MORE, "好了"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "ask-leave-and-return",
            "report",
            "report;keep=护林员;drop=菜单",
            "我要反映",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "护林员的名额社长给了他外甥 他外甥在西宁上班 一天山都没上过"),
            (MORE, "菜单"),
            "我要反映",
            *rest(more="就这些"),
        ),
        _d(
            "ask-safety-first",
            "report",
            "report;anon=1",
            "举报的话村上能知道是我不",
            "那行 我要反映",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村里修便桥的钱说是十五万 就搭了几块水泥板 尕娃们过河还是害怕"),
            *rest(more="说完了", pic="莫拍"),
        ),
    ]


def _stories() -> list[Dialogue]:
    """Report told as a story: the first message tells the wrong; the villager takes up the offer."""
    return [
        _d(
            "s-cattle-subsidy-brothers",
            "story",
            "report;keep=基础母牛",
            "色俩目 我们庄子的村长把上面给的基础母牛补贴报了他家三个兄弟的名字 他们家一头牛都没有",
            (OFFER, "1"),
            *rest(more="就这些"),
        ),
        _d(
            "s-coop-fake-account",
            "story",
            "report;keep=绣线",
            "我们盘绣合作社的理事长是书记的媳妇 上面拨的扶持资金二十万 买的绣线都是次品 账上写的是好的",
            (OFFER, "1"),
            *rest(more="没了"),
        ),
        _d(
            "s-herdsman-pieces",
            "story",
            "report;keep=草原补奖",
            "社长",
            "把俺家的草原补奖",
            "领了 到现在没给",
            (OFFER, "1"),
            *rest(more="好了"),
        ),
        _d(
            "s-busdriver-riders",
            "story",
            "report;keep=乘车补助",
            "跑校车的说一句 村里给学生娃的乘车补助 会计报的是四十个娃 实际坐车的才二十几个 多的钱不知道去哪了",
            (OFFER, "1"),
            *rest(more="就说这么多"),
        ),
        _d(
            "s-fulian-dead-paid",
            "story",
            "report;keep=去世",
            "我原来是村妇联主任，知道情况：今年村里的高龄补贴名单上，有三个已经去世的老人还在领，钱是村文书取的。",
            (OFFER, "1"),
            *rest(more="以上就是情况", name="{opt:实名}", give="原妇联主任 祁秀英 15597230618"),
        ),
        _d(
            "s-doctor-typo-relative",
            "story",
            "report;cat=优亲厚友",
            "阿佳们让我帮着说一哈 村上的医疗救助 书计给他亲戚报了两次 阿妈拉们一次都没报上",
            (OFFER, "1"),
            *rest(more="哦呀 说完了 突及其"),
        ),
        _d(
            "s-party-member-orchard",
            "story",
            "report;keep=果园",
            "我是个老党员了 今年七十六 看到村里的事心里难受 村集体的那片果园承包出去五年了 承包费一年三万 "
            "这钱村上从来没公开过 问村主任他说都花在村里了 花在哪了谁也不知道 账本也不给看 我要求公开",
            (OFFER, "1"),
            *rest(more="就这么个事"),
        ),
        _d(
            "s-couple-two-voices",
            "story",
            "report;keep=退耕还林",
            "老汉让我别说 我偏要说 村上把俺家的退耕还林补助给了社长他表哥家",
            (OFFER, "1"),
            *rest(more="俺男人说就这些 别说了", name="{opt:匿名}"),
        ),
        _d(
            "s-newcomer-dividend",
            "story",
            "report",
            "嫁过来三年了 社长说外来媳妇没有分红资格 可他自己的儿媳妇也是外村嫁来的 照样分",
            (OFFER, "1"),
            *rest(),
        ),
        _d(
            "s-pinyin-sheep",
            "story",
            "report;keep=集体的羊",
            "我们cun的书记把集体的羊卖了 卖的钱账上一分都莫有",
            (OFFER, "1"),
            *rest(more="没了"),
        ),
        _d(
            "s-fee-with-safety",
            "story",
            "report;keep=两百",
            "村长收了俺们每户两百块 说是办医保的手续费 别的村都没收 我说出来会不会被报复",
            (OFFER, "1"),
            *rest(more="好了"),
        ),
        _d(
            "s-pick-category",
            "story",
            "report;cat=优亲厚友",
            "社长把他姑娘报上去当了生态护林员 一天都没去过山上 工资月月领",
            (OFFER, "3"),
            (ASKCAT, "{opt:优亲厚友}"),
            *rest(more="就这些"),
        ),
        _d(
            "s-emoji-fullwidth",
            "story",
            "report;keep=水费",
            "😡😡村会计把俺家的耕地地力补贴扣了３００ 说是交的水费 俺家的地一回水都没浇过",
            (OFFER, "1"),
            *rest(more="完了", pic="莫拍 没有"),
        ),
        _d(
            "s-teen-fee",
            "story",
            "report;anon=1",
            "我是替我爸妈打字的 他们是聋哑人 村上办残疾人护理补贴 村干部说要先交五十块才给办 "
            "我爸妈给了 到现在也没办下来",
            (OFFER, "1"),
            *rest(more="我妈说就这些", name="{opt:匿名}"),
        ),
    ]


def _hardships() -> list[Dialogue]:
    """Hardship, for the villager's own household or on someone's behalf, with a phone number."""
    return [
        _d(
            "h-out-of-hospital",
            "hardship",
            "hardship;anon=0",
            "刚从西宁的医院出院回来 做了个心脏搭桥 欠了亲戚八万多 重活干不成了",
            (HOFFER, "1"),
            *help_asked(
                "{opt:自己家}",
                "{opt:大病}",
                "上个月",
                "一家四口",
                "看病的钱能不能多报一些 再给点临时救助",
                "13997254381",
            ),
        ),
        _d(
            "h-teen-deaf-parents",
            "hardship",
            "hardship",
            "我爸妈都是聋哑人 我替他们打字 我爸在工地上摔断了腿 家里没有收入了",
            (HOFFER, "1"),
            *help_asked(
                "{opt:自己家}",
                "{opt:意外}",
                "今年夏天",
                "三口人 我 我爸 我妈",
                "我想接着上学 家里要点钱过日子",
                "我妈不会说话 打电话我接 13519728406",
            ),
        ),
        _d(
            "h-widowed-bride",
            "hardship",
            "hardship",
            "我是外地嫁过来的 男人去年出车祸走了 留下我和两个娃 公婆也老了 日子过不下去",
            (HOFFER, "1"),
            *help_asked(
                "{opt:自己家}", "{opt:意外}", "去年腊月", "五个人", "娃娃上学的资助 还有我想找个活干", "18797236150"
            ),
        ),
        _d(
            "h-doctor-for-blind-elder",
            "hardship",
            "hardship",
            "我是村医 有个阿妈一个人过 七十多了 眼睛看不见 房子冬天冷得住不成 替她登记一哈",
            (HOFFER, "1"),
            *help_asked(
                "{opt:别人家}", "{opt:残疾}", "好几年了", "就她一个人", "房子修一哈 冬天烧的煤", "打我的 18997120534"
            ),
        ),
        _d(
            "h-hailstorm",
            "hardship",
            "hardship",
            "前天下冰雹 俺家的洋芋和油菜全打完了 一年白干了 阿么整呀",
            (HOFFER, "1"),
            *help_asked("{opt:自己家}", "{opt:自然灾害}", "前天", "6口", "给点补助 明年的种子钱都没了", "13709725518"),
        ),
        _d(
            "h-cattle-dealer-loss",
            "hardship",
            "hardship",
            "去年贷款买了二十头牛 得了病死了十几头 贷款还不上了 家里还有老人要养",
            (HOFFER, "1"),
            *help_asked(
                "{opt:自己家}", "{opt:收入}", "去年秋天", "七口人", "贷款能不能缓一缓 再给点帮扶", "15109721473"
            ),
        ),
        _d(
            "h-busdriver-jobless-sick",
            "hardship",
            "hardship",
            "校车停了 我开了八年车没活干了 家里老人常年吃药 娃还在上高中",
            (HOFFER, "1"),
            *help_asked(
                "{opt:自己家}",
                "{opt:失业} {opt:大病}",
                "这学期开学的时候",
                "四口",
                "想找个开车的活 老人看病报销",
                "13639728204",
            ),
        ),
        _d(
            "h-party-member-for-neighbour",
            "hardship",
            "hardship",
            "我们巷子里有一户 男的得了肝癌 女的是残疾人 两个娃上学 他们不好意思说 我替他们登记",
            (HOFFER, "1"),
            *help_asked(
                "{opt:别人家}",
                "{opt:大病} {opt:残疾}",
                "今年开春查出来的",
                "四口人",
                "看病和娃上学都要钱 能吃上低保最好",
                "我是老党员 打我的 13897410025",
            ),
        ),
        _d(
            "h-herdsman-cut-phone",
            "hardship",
            "hardship",
            "雪大得很 信号也不好 羊冻死了四十多只 今年的收入全没了",
            (HOFFER, "1"),
            (WHOSE, "{opt:自己家}"),
            (HKIND, "{opt:自然灾害}"),
            (HWHEN, "这个月"),
            (HPEOPLE, "五口"),
            (HHELP, "买些饲草 补几只羊"),
            (HPHONE, "1389"),
            (HPHONE, "刚才断了 13897340217"),
            (HCHECK, "{opt:提交}"),
        ),
        _d(
            "h-question-back-phone",
            "hardship",
            "hardship",
            "俺家的房子雨下塌了一半 一家人挤在一个屋里 能不能帮一哈？",
            (HOFFER, "1"),
            (WHOSE, "{opt:自己家}"),
            (HKIND, "{opt:自然灾害}"),
            (HWHEN, "上个礼拜"),
            (HPEOPLE, "三个人"),
            (HHELP, "房子修起来"),
            (HPHONE, "电话留了谁能看到？"),
            (HPHONE, "那就留 13519723067"),
            (HCHECK, "{opt:提交}"),
        ),
    ]


def _persons() -> list[Dialogue]:
    """Asking for a person: the question reaches staff, who answer by a stated time."""
    return [
        _d("p-bare-then-question", "person", "human", "人工", (ASKQ, "俺是嫁过来的 户口迁过来了 地咋分")),
        _d("p-with-question", "person", "human", "转人工 我家的残疾证到期了 换证去哪里办"),
        _d(
            "p-cadre-explain",
            "person",
            "human",
            "能不能找个懂政策的干部跟我说说",
            (ASKQ, "草原补奖今年的标准变了没有"),
        ),
        _d("p-pinyin", "person", "human", "zhuan rengong", (ASKQ, "娃的雨露计划补助啥时候到")),
        _d(
            "p-not-machine",
            "person",
            "human",
            "我不想跟机器说 有活人没有",
            (ASKQ, "我阿大的高龄补贴咋领 他八十一了"),
        ),
        _d(
            "p-teen-for-parents",
            "person",
            "human",
            "我帮我爸妈问 能不能找个工作人员",
            (ASKQ, "聋哑人的护理补贴一个月有多少"),
        ),
        _d(
            "p-question-back",
            "person",
            "human",
            "人工客服在不在？",
            (ASKQ, "你们几天能回？我想问危房改造的事 俺家的房子能不能评上"),
        ),
    ]


def _projects() -> list[Dialogue]:
    """The village's published projects and funds, a project's details, and a doubt on one."""
    return [
        _d("pr-look", "projects", "projects", "村上的项目公开看一哈"),
        _d("pr-fullwidth", "projects", "projects", "２"),
        _d("pr-canal-money", "projects", "projects", "我们村修水渠花了多少钱"),
        _d("pr-collective-income", "projects", "projects", "集体经济的收入有多少 能看不"),
        _d("pr-detail-numeral", "projects", "detail", "项目公开", (LIST, "第一个")),
        _d("pr-paging", "projects", "projects", "看看村里的项目", (LIST, "更多"), (LIST, "上一页")),
        _d(
            "pr-doubt",
            "projects",
            "report;cat=项目",
            "村里的项目",
            (LIST, "１"),
            ("反映", "这个活干得太差了 钱花得不明不白"),
            *rest(more="就这些"),
        ),
    ]


def _tracking() -> list[Dialogue]:
    """Looking up a filed case by its number and query code."""
    return [
        _d("t-any-news", "tracking", "case", "上回反映的那个事有回信没", (TRACKQ, "{n} {c}")),
        _d("t-chinese-punct", "tracking", "case", "查进度", (TRACKQ, "编号：{n}，查询码：{c}")),
        _d("t-reversed-wide", "tracking", "case", "查一下", (TRACKQ, "{cf}\n{nf}")),
        _d("t-menu4-dash", "tracking", "case", "４", (TRACKQ, "{p1}{p2}-{p3} {c}")),
        _d("t-one-message", "tracking", "case", "我反映的事咋样了 编号{ns} 查询码{cs}"),
        _d(
            "t-question-back",
            "tracking",
            "case",
            "查进度",
            (TRACKQ, "编号是哪个？是那个长的吗？"),
            (TRACKQ, "{n} {c}"),
        ),
        _d("t-short-number", "tracking", "notcase", "查进度", (TRACKQ, "630223-2026 {c}")),
    ]


def _smalltalk() -> list[Dialogue]:
    """Small talk: a short answer in kind and the menu."""
    return [
        _d("st-hui-greeting", "smalltalk", "menu", "色兰 你们好"),
        _d("st-tibetan-thanks", "smalltalk", "menu", "突及其 你们辛苦了"),
        _d("st-ok-emoji", "smalltalk", "menu", "好的好的👌 知道了"),
        _d("st-there", "smalltalk", "menu", "在没在呀"),
        _d("st-thanks-party", "smalltalk", "menu", "谢谢你们 党的政策好得很"),
        _d("st-pray-emoji", "smalltalk", "menu", "🙏🙏🙏"),
    ]


def _navigation() -> list[Dialogue]:
    """Ways around and out: help, back, cancel, start again, from any state."""
    return [
        _d(
            "n-leave-mid-report",
            "navigation",
            "cancel",
            "我要举报",
            (ASKCAT, "{opt:资金}"),
            (TELL, "算了 不弄了 怕惹事"),
        ),
        _d("n-help", "navigation", "help", "这个阿么用呢 帮助一哈"),
        _d("n-back-top", "navigation", "back", "上一步"),
        _d("n-back-in-report", "navigation", "back", "我要反映", (ASKCAT, "{opt:优亲厚友}"), (TELL, "返回")),
        _d("n-restart-in-person", "navigation", "menu", "人工", (ASKQ, "重新开始")),
    ]


def _questions() -> list[Dialogue]:
    """Policy questions, answered from the knowledge base."""
    return [
        _d("q-house-repair", "question", "answer", "危房改造一户能补多少钱"),
        _d("q-dibao-amount", "question", "answer", "低保一个月能领多少 咋算的"),
        _d("q-medical-insurance", "question", "answer", "医保今年一个人交多少钱"),
        _d("q-pension", "question", "answer", "养老保险六十岁以后一个月能领多少"),
    ]


def blind_j() -> list[Dialogue]:
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
