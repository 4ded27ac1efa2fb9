"""Blind dialogue set S (issue #18 §1-§5): 80 conversations written by helper "swrite" on 2026-12-07
(about 13:25-13:30 UTC) from the issue (`issues show 18`), README.md, docs/chat.md and the harness
(tests/dialogue_eval.py, tests/dialogue_corpus.py, tests/blind_support.py, the first 60 lines of
tests/dialogue_blind_q.py for the format, and the module docstrings of tests/dialogue_blind_*.py to learn
which people the earlier sets used) alone, without opening the code that answers them (bot/, cases/,
knowledge/, handlers/, villages/) or the other blind sets' dialogues, and never run by its writer.

The people are villagers of 海东 (青海) unlike those of the earlier sets: a 循化 撒拉族 shepherd's son back from
义乌 who talks like an online shop (亲, 秒回, 离谱) and calls his parents 阿大 and 阿娜, a 平安 widow who asks
everything twice (in one message or two in a row), a 乐都 cherry grower who types 拼音 initials now and then
(zm = 怎么, sm = 什么, bz = 不知道, hd = 好的), a 互助 土族 grandmother dictating to her grandson who adds his
own remarks in brackets, the village's 保洁员 on a 公益岗, a 化隆 拉面 cook in 广州 asking for his parents at
home, a deaf villager who types carefully with the words in an odd order (反映 我 要), a man who answers with
questions (为啥要说这个？, 还能是谁？), and people who paste long voice-to-text run-ons without punctuation.
They write dialect (啥, 咋, 阿么, 娃, 俺, 莫, 些, 一哈, 尕, 哩, 麻达), typos and same-sound slips, full-width
digits, Chinese numerals and emoji, answer steps in their own words (sometimes with more or less than
asked), change their mind, leave mid-way and ask about safety.
The expected outcomes are what such a villager would rightly expect from the issue, not guesses at the code.
A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`: either), as a villager
answers only what is asked; a plain turn is sent whatever the last reply said (the widow's repeats);
`{opt:词}` is the number the villager reads in front of 词 in that reply.
Held out: not registered in tests/dialogue_eval.py by its writer; to be run once, later.
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

_d = held_out("bs")
# The step after choosing 修改: which part to change, as the villager recognises it.
EDIT = "修改|改哪|哪一项|哪项"
# The description kept and offered to add to, after 修改 → 事情经过.
ADD = "补充|添加|加上|接着|原来|保留"
# Words that could name an anonymous reporter, offered for removal.
SELF = "认出|删掉"


def _yiwu_son() -> list[Dialogue]:
    """A 循化 撒拉族 shepherd's son back from 义乌: talks like an online shop (亲, 秒回), 阿大 and 阿娜."""
    return [
        _d(
            "yw-report-caoyuan",
            "report",
            "report;anon=1;keep=草原补奖今年没到;drop=跳过",
            "亲 在不 我要投诉一哈 秒回哈",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "俺阿大放了一辈子羊 草原补奖今年没到 社长说名单上没俺家 他自家亲戚倒是都有 离谱"),
            *rest(more="就这些 亲", who="社长 村上的", pic="跳过", check="提交 谢谢亲"),
        ),
        _d(
            "yw-report-skip-first",
            "report",
            "report;anon=1;keep=牛棚;drop=跳过",
            "举报村上的事 亲",
            (ASKCAT, "{opt:项目}"),
            (TELL, "跳过 先"),
            (TELL + "|" + EXAMPLE, "好吧 村上给俺们修的牛棚 说是花了十二万 就几根钢管一块彩钢瓦 亲你说这值十二万？"),
            *rest(more="没了 亲", who="{opt:村干部}", pic="没拍 牛棚就在那儿 你们去看"),
        ),
        _d(
            "yw-story-yang",
            "story",
            "report;anon=1;keep=扶贫羊",
            "我们村发的扶贫羊 社长过了半年又收回去卖了 钱没给俺们分 俺阿大气得饭都没吃",
            (OFFER, "1 开始吧亲"),
            *rest(more="没了", pic="没拍 羊都卖了拍啥", name="匿名就行"),
        ),
        _d(
            "yw-safety-known",
            "safety",
            "report;anon=1;keep=三百;drop=会不会知道",
            "亲 问一哈 举报了村里会不会知道是我 俺们是个尕村子 一问就知道了",
            "那我要举报",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "村主任开个低保证明要收三百 不给不盖章 俺阿娜去了三趟"),
            *rest(more="就这个事", who="{opt:村干部}", pic="没有 给的现金"),
        ),
        _d(
            "yw-hardship-factory",
            "hardship",
            "hardship;keep=糖尿病",
            "我在义乌打工的厂子关门了 回来了 阿娜又查出来糖尿病并发症 家里一分收入都没有 亲们帮帮忙",
            (HOFFER, "{opt:登记困难}"),
            *help_asked(
                whose="{opt:我自己家}",
                kind="看病 还有我没活干了",
                when="九月份回来的",
                people="六口",
                wanted="阿娜看病报销 我想找个活",
                phone="13897301122",
            ),
        ),
        _d("yw-person-caoyuan", "person", "human", "亲 有客服不 我要问下俺阿大的草原补奖一亩是咋算的"),
        _d("yw-projects-account", "projects", "projects", "村上的账 给俺看一哈 亲 钱都花哪了"),
        _d("yw-track-fullwidth", "track", "case", "亲 我上回反映的事 咋样了 编号{nf} 查询码{cf}"),
        _d("yw-small-zai", "smalltalk", "menu", "亲 在吗😄"),
        _d("yw-nav-ask-dad", "navigation", "cancel", "3", (ASKCAT, "不弄了 我先问问阿大")),
        _d("yw-choice-second", "choice", "projects", "第二个 亲"),
    ]


def _pingan_widow() -> list[Dialogue]:
    """A 平安 widow who asks everything twice, in one message or in two in a row."""
    return [
        _d(
            "pa-report-edit-keeps",
            "report",
            "report;anon=1;keep=会计他姐;keep=两份",
            "我要反映",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "会计他姐家在城里有楼房 还吃着低保 俺们这种真困难的评不上"),
            (MORE, "好了"),
            (WHO, "{opt:村干部}"),
            (PIC, "没有"),
            (NAMEQ, "{opt:匿名}"),
            (CHECK, "{opt:修改}"),
            (EDIT, "{opt:经过}"),
            (ADD, "还有 他姐家的儿子也领了 一家领两份"),
            (MORE, "好了 好了"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "pa-safety-twice",
            "safety",
            "report;anon=1;keep=丧葬费;drop=能知道是我不",
            "我要反映",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "我男人走了 丧葬费村上说要交两百块手续费才给办 我交了"),
            (MORE, "好了"),
            (WHO, "{opt:村干部}"),
            (PIC, "没有"),
            (NAMEQ, "匿名了村上能知道是我不"),
            (NAMEQ, "匿名了村上能知道是我不 我再问一遍"),
            (NAMEQ, "{opt:匿名}"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "pa-story-pension",
            "story",
            "report;anon=0;keep=养老金",
            "村会计把我男人的养老金又领了一年 人都走了两年了",
            (OFFER, "1"),
            *rest(
                more="好了 好了",
                pic="没有 没有",
                name="{opt:实名}",
                give="王秀兰 13709728811",
            ),
        ),
        _d(
            "pa-hardship-alone",
            "hardship",
            "hardship",
            "我一个寡妇带两个娃 地也种不动 腰疼得下不了炕 日子难过",
            "日子难过得很 能不能帮帮",
            (HOFFER, "{opt:登记困难}"),
            *help_asked(
                whose="我自己家",
                kind="病了 腰不行",
                when="前年开始的",
                people="三口 我和两个娃",
                wanted="娃上学的钱 还有临时救助",
                phone="我的电话 18797110023",
            ),
        ),
        _d(
            "pa-person-twice", "person", "human", "有人吗 我要找人", "有人吗 我要找人", (ASKQ, "我男人的丧葬补助找谁领")
        ),
        _d("pa-question-twice", "question", "answer", "城乡居民养老金一个月多少钱 城乡居民养老金一个月多少钱"),
        _d("pa-projects-twice", "projects", "projects", "村里的项目 村里的项目"),
        _d("pa-small-twice", "smalltalk", "menu", "好的好的 好的好的"),
        _d("pa-nav-back", "navigation", "back", "3", (ASKCAT, "{opt:优亲厚友}"), (TELL, "返回")),
    ]


def _ledu_cherry() -> list[Dialogue]:
    """A 乐都 cherry grower who types 拼音 initials now and then (zm 怎么, sm 什么, bz 不知道, hd 好的)."""
    return [
        _d(
            "ld-report-pipes",
            "report",
            "report;anon=1;keep=灌溉管子",
            "我要举报 村上的事",
            (ASKCAT, "{opt:项目}"),
            (TELL, "村上给樱桃园铺的灌溉管子 一年就漏得不行了 zm验收的 bz"),
            *rest(more="hd 就这些", pic="没有", name="2", check="1"),
        ),
        _d(
            "ld-report-mind-anon",
            "report",
            "report;anon=1;keep=樱桃苗",
            "我要反映个情况",
            (ASKCAT, "{opt:资金}"),
            (TELL, "上面给的樱桃苗补助 每户该有二十棵 社长只发了十棵 剩下的栽到他家地里了"),
            (MORE, "没了"),
            (WHO, "社长 村上的"),
            (PIC, "没有照片"),
            (NAMEQ, "{opt:实名}"),
            (NAMEGIVE, "算了 还是匿名吧 不留了"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "ld-story-cherry",
            "story",
            "report;anon=1;keep=冷库",
            "村上的冷库是拿集体的钱修的 现在支书他兄弟一个人在用 租金一分没进村上的账",
            (OFFER, "1"),
            *rest(more="hd 说完了", who="支书 村干部", pic="没有 你们去看就知道"),
        ),
        _d(
            "ld-hardship-frost",
            "hardship",
            "hardship;keep=霜冻",
            "今年四月一场霜冻 樱桃花全冻死了 一年白干 贷款还不上 zm办",
            (HOFFER, "1"),
            *help_asked(
                whose="1",
                kind="自然灾害",
                when="今年四月",
                people="4口",
                wanted="贷款能不能缓一缓 临时救助",
                phone="15209721234",
            ),
        ),
        _d("ld-person-buyer", "person", "person", "zm找人工", (ASKQ, "樱桃卖不出去 村上能不能帮着联系收购的")),
        _d("ld-question-loan", "question", "answer", "zm申请小额贷款 种樱桃的"),
        _d("ld-projects-zm", "projects", "projects", "村里的项目 zm看"),
        _d("ld-choice-first", "choice", "answer", "第一个", (ASKQ, "种地补贴咋领")),
        _d("ld-track-bad-number", "track", "notcase", "zm查进度", (TRACKQ, "{p1}-{p2}-{p3}9 {c}")),
    ]


def _huzhu_grandma() -> list[Dialogue]:
    """A 互助 土族 grandmother dictating to her grandson, who adds his own remarks in brackets."""
    return [
        _d(
            "hz-report-flour",
            "report",
            "report;anon=1;keep=十块钱",
            "奶奶说她要反映个事（我替她打字）",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "奶奶说社长发救济面粉的时候 每家要十块钱 说是运费（其实乡上说过不要钱的）"),
            *rest(more="奶奶说就这些 我也没啥补充的", who="社长", pic="奶奶说莫有照片"),
        ),
        _d(
            "hz-story-gaoling",
            "story",
            "report;anon=1;keep=高龄补贴",
            "奶奶说 村上的社长把她的高龄补贴领了半年 说是帮她代领的 钱一分没给她（奶奶不会打字 我是她孙子）",
            (OFFER, "1 奶奶说对着哩"),
            (MORE, "奶奶说就这些了"),
            (WHO, "社长 村上的"),
            (PIC, "莫有"),
            (NAMEQ, "{opt:匿名}"),
            (SELF, "{opt:删掉}"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "hz-safety-revenge",
            "safety",
            "report;anon=1;keep=运费;drop=报复",
            "奶奶问 告了社长 社长会不会报复她 她一个人住着哩",
            "奶奶说那就反映吧",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "社长发化肥的时候每袋多收五块 说是运费 奶奶说别的村都不收"),
            *rest(more="奶奶说没了", pic="莫有", name="匿名 奶奶怕"),
        ),
        _d(
            "hz-hardship-wall",
            "hardship",
            "hardship",
            "奶奶说家里的庄廓墙让雨泡塌了 她跟我爷爷两个老人住 我爸妈在外头打工",
            (HOFFER, "{opt:登记困难}"),
            *help_asked(
                whose="1 奶奶自己家",
                kind="自然灾害 房子塌了",
                when="上个礼拜下大雨",
                people="两个人",
                wanted="房子修一哈",
                phone="我爸的电话 13897654321 奶奶没手机",
            ),
        ),
        _d(
            "hz-person-real",
            "person",
            "person",
            "奶奶要跟真人说话 她说机器不管用😂",
            (ASKQ, "奶奶问她的残疾证到期了阿么换"),
        ),
        _d("hz-question-gaoling", "question", "answer", "奶奶问高龄补贴一个月多少钱（她八十三了）"),
        _d("hz-projects-year", "projects", "projects", "奶奶想看看村里今年修了些啥 花了多少钱"),
        _d("hz-small-thanks", "smalltalk", "menu", "奶奶说谢谢你们 好人（她让我一个字一个字打的）"),
        _d("hz-nav-help", "navigation", "help", "奶奶问这个阿么用 帮助一哈"),
        _d("hz-choice-four", "choice", "case", "奶奶说选四 查进度", (TRACKQ, "{n} {c}")),
    ]


def _cleaner() -> list[Dialogue]:
    """The village's 保洁员 on a 公益岗, afraid of losing the post."""
    return [
        _d(
            "bj-report-cut",
            "report",
            "report;anon=1;keep=拿走一百",
            "我是村上的保洁员 我要反映个事",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "公益岗一个月八百 组长每个月要拿走一百 说是给他跑手续的"),
            *rest(more="就是这个", pic="没有凭据 给的是现金", name="名字不留", check="提交吧"),
        ),
        _d(
            "bj-report-toilet",
            "report",
            "report;anon=1;keep=公厕",
            "反映问题",
            (ASKCAT, "{opt:项目}"),
            (TELL, "村里新修的公厕 修好半年了一直锁着 钥匙在村长家 钱花了不少 谁也用不上"),
            *rest(more="没了 我扫地去了", pic="没拍", name="{opt:匿名}"),
        ),
        _d(
            "bj-story-truck",
            "story",
            "report;anon=1;keep=垃圾车",
            "村上的垃圾车是支书他兄弟的 一趟收三百 别的车一百五就拉",
            (OFFER, "是的 要反映"),
            *rest(more="说完了 我还要去扫路哩", who="支书 村干部", pic="没拍"),
        ),
        _d(
            "bj-safety-post",
            "safety",
            "report;anon=1;keep=垃圾清运;drop=撤掉",
            "反映了 我这个公益岗会不会被撤掉 我就靠这八百块钱过活",
            "那我还是说一哈吧 垃圾清运的钱村上报的是每周拉两回 车一个月才来一回",
            (OFFER, "1"),
            *rest(more="好了", pic="没有", name="{opt:匿名}"),
        ),
        _d(
            "bj-hardship-neighbour",
            "hardship",
            "hardship",
            "我扫路的时候看见五社的马阿爷 一个人住 炕都塌了 饭也吃不上 能不能帮他登记一哈",
            (HOFFER, "1"),
            *help_asked(
                whose="{opt:别人家}",
                kind="年纪大了 没人管 房子塌了",
                when="这个冬天",
                people="一个人",
                wanted="房子修一哈 有人照顾",
                phone="我的 15897009988 他没电话",
            ),
        ),
        _d("bj-track-code-first", "track", "case", "看一哈我反映的那个 {c} {n}"),
        _d("bj-small-morning", "smalltalk", "menu", "大清早的 你们也上班了 辛苦辛苦"),
        _d("bj-nav-person-cancel", "navigation", "cancel", "人工", (ASKQ, "算了 不转了 我扫地去了")),
        _d(
            "bj-choice-third-pick",
            "choice",
            "report;anon=1;keep=扫帚",
            "3",
            (ASKCAT, "{opth:吃拿卡要}"),
            (TELL, "发给保洁员的扫帚和手套 组长叫我们拿钱买 一人五十"),
            *rest(more="就这些", pic="没有", name="{opt:匿名}"),
        ),
    ]


def _noodle_cook() -> list[Dialogue]:
    """A 化隆 拉面 cook in 广州, asking for his parents at home between orders."""
    return [
        _d(
            "lm-report-short-first",
            "report",
            "report;anon=1;keep=丈母娘",
            "我要反映",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "低保"),
            (TELL + "|" + EXAMPLE, "村上评低保 书记把他丈母娘评上了 人家儿子在西宁当老板 我爸残疾了倒没评上"),
            *rest(more="好了 店里忙", pic="没有 我在广州拍不了", name="{opt:匿名}"),
        ),
        _d(
            "lm-story-dibao",
            "story",
            "report;anon=0;keep=走得近",
            "听我妈说村上评低保 谁家跟书记走得近谁家就有 俺家我爸都残疾了也没评上",
            (OFFER, "1"),
            *rest(
                more="好了 店里忙 就这些",
                pic="没有 我在广州拍不了",
                name="{opt:实名}",
                give="马成 13602234567",
            ),
        ),
        _d(
            "lm-hardship-fall",
            "hardship",
            "hardship",
            "我爸在家放羊摔下来了 腰摔断了 住院要好几万 我在广州打工 妈一个人照顾不过来",
            (HOFFER, "{opt:登记困难}"),
            *help_asked(
                whose="我爸妈家",
                kind="意外 摔伤",
                when="上个月二十号",
                people="三口 算上我四口",
                wanted="看病报销",
                phone="我的 １３６０２２３４５６７ 我爸的打不通",
            ),
        ),
        _d(
            "lm-person-parents",
            "person",
            "human",
            "我在广州拉面馆 爸妈在化隆老家 转人工 想问问我爸的残疾人补贴今年咋没到",
        ),
        _d("lm-track-for-dad", "track", "case", "帮我爸查一下 他说编号是{n} 查询码是{c}"),
        _d("lm-projects-detail", "projects", "detail", "村里的项目 看看", "１"),
        _d("lm-small-busy", "smalltalk", "menu", "辛苦了兄弟们🙏🍜"),
        _d("lm-nav-pages", "navigation", "menu", "2", "更多", "菜单"),
        _d(
            "lm-choice-chinese",
            "choice",
            "report;anon=1;keep=危房",
            "三",
            (ASKCAT, "{optc:优亲厚友}"),
            (TELL, "危房改造 村长给了他表哥 我家房子裂缝一拃宽没给"),
            *rest(more="就这些 店里忙", pic="没有", name="{opt:匿名}"),
        ),
    ]


def _deaf_villager() -> list[Dialogue]:
    """A deaf villager who types carefully, with the words in an odd order."""
    return [
        _d(
            "sy-report-nephew",
            "report",
            "report;anon=1;keep=侄子",
            "反映 我 要 村上 事情",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "残疾人 补贴 我的 村长 说 没有 名额 他 侄子 好好的 人 有 补贴"),
            *rest(more="完了 说", who="村长 村上", pic="没有 照片", name="匿名 要"),
        ),
        _d(
            "sy-safety-who-sees",
            "safety",
            "report;anon=1;keep=两百;drop=谁 看 能",
            "举报 了 名字 我的 谁 看 能",
            "反映 那 我 要",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "低保 办 社长 钱 要 两百 我 给了"),
            *rest(more="完了", who="社长", pic="没有", name="{opt:匿名}"),
        ),
        _d(
            "sy-hardship-fire",
            "hardship",
            "hardship",
            "家 我的 火 着了 房子 烧了 一半 住 地方 没有",
            (HOFFER, "1"),
            *help_asked(
                whose="自己 家",
                kind="火灾 意外",
                when="三天 前",
                people="四 口",
                wanted="房子 住的 临时 救助",
                phone="电话 打 不了 短信 可以 13519721100",
            ),
        ),
        _d(
            "sy-person-text",
            "person",
            "person",
            "我 耳朵 听不见 电话 打 不了 人工 要 文字 回复",
            (ASKQ, "残疾人 两项 补贴 我的 今年 没有 到 为什么"),
        ),
        _d("sy-question-card", "question", "answer", "残疾证 办 怎么"),
        _d("sy-projects-first", "projects", "detail", "项目 村 看", (LIST, "第一个")),
        _d("sy-track-spaced", "track", "case", "进度 查 编号 {ns} 码 {c}"),
        _d("sy-small-thanks", "smalltalk", "menu", "谢谢 你们 好 👍"),
        _d("sy-nav-restart", "navigation", "menu", "3", (ASKCAT, "{opt:优亲厚友}"), (TELL, "重新 开始")),
    ]


def _asker() -> list[Dialogue]:
    """A man who answers with questions (为啥要说这个？, 还能是谁？) and only then answers."""
    return [
        _d(
            "wq-report-questions",
            "report",
            "report;anon=1;keep=退耕还林款;drop=为啥要选",
            "我要举报",
            (ASKCAT, "为啥要选这个？"),
            (ASKCAT, "{opt:资金}"),
            (TELL, "说啥？就是村上把俺家的退耕还林款扣了三年 每年扣四百"),
            (MORE, "还要说啥？没了"),
            (WHO, "村干部呗 还能是谁？"),
            (PIC, "哪来的照片？没有"),
            (NAMEQ, "匿名 不然呢？"),
            (CHECK, "提交 还等啥？"),
        ),
        _d(
            "wq-story-grassland",
            "story",
            "report;anon=1;keep=草山",
            "村长把集体的草山租给外村人了 租金一分没进村上的账 你说这像话吗？",
            (OFFER, "不反映还能咋？1"),
            *rest(more="没了 还要说啥？", pic="没有 账本在他手里 我咋拍？", name="匿名 不然呢？"),
        ),
        _d(
            "wq-hardship-phone-why",
            "hardship",
            "hardship;keep=白血病",
            "俺家娃得了白血病 你们能管不？",
            (HOFFER, "能管就登记"),
            (WHOSE, "还能是谁家？俺自己家"),
            (HKIND, "大病 这还用问？"),
            (HWHEN, "今年开春"),
            (HPEOPLE, "五口"),
            (HHELP, "看病的钱 还能要啥？"),
            (HPHONE, "为啥要电话？"),
            (HPHONE, "13709721234"),
            (HCHECK, "提交"),
        ),
        _d(
            "wq-person-why",
            "person",
            "person",
            "你是机器人吧？能叫个真人来不？",
            (ASKQ, "问啥？俺家宅基地证为啥到现在还没办下来？"),
        ),
        _d("wq-projects-where", "projects", "projects", "村里的钱都花哪了？能看不？"),
        _d("wq-track-which", "track", "case", "4", (TRACKQ, "编号是啥？哪儿找？"), (TRACKQ, "{nd} {c}")),
        _d("wq-nav-trouble", "navigation", "cancel", "3", (ASKCAT, "为啥要这么麻烦？算了 不弄了")),
        _d("wq-choice-words", "choice", "answer", "政策咨询 是这个不？", (ASKQ, "医保一年交多少？")),
    ]


def _voice_runons() -> list[Dialogue]:
    """Villagers who paste long voice-to-text run-ons without punctuation."""
    return [
        _d(
            "vt-story-weifang",
            "story",
            "report;anon=1;keep=危房改造",
            "喂喂你好我跟你说一下就是我们村那个村主任吧他去年把我们那个危房改造的名额给了他表弟他表弟家房子是前年新盖的"
            "好好的我们家房子裂了那么大的缝子都没给评上你说这个事情气人不气人",
            (OFFER, "对对对就是要反映这个"),
            *rest(more="就这些吧别的也没啥了", who="村干部村主任", pic="没拍过没有照片", name="匿名吧我怕他知道"),
        ),
        _d(
            "vt-report-longtell",
            "report",
            "report;anon=1;keep=光伏",
            "我要反映问题",
            (ASKCAT, "就是那个扶贫的钱的问题"),
            (
                TELL,
                "那个我们村里面前几年上面给建了一个光伏电站说是收益给村里的困难户分红结果这三年了我们一分钱都没见过"
                "去问村上村上说钱拿去修村委会的院子了这个也没开会也没公示",
            ),
            *rest(more="嗯就是这个情况别的没有了", pic="没有啥证据都是听说的", name="那个匿名吧"),
        ),
        _d(
            "vt-safety-small-village",
            "safety",
            "report;anon=1;keep=五十块;drop=会不会知道",
            "我想问一下就是说我要是反映了我们村干部的问题他们会不会知道是我反映的因为我们村子小你一说人家就知道是谁",
            "那行那我就反映一下",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "就是我们组长收医保的时候每个人多收了五十块钱说是跑路费别的组都没收"),
            *rest(more="就这个事", who="组长", pic="没有收据他不给开", name="{opt:匿名}"),
        ),
        _d(
            "vt-hardship-cancer",
            "hardship",
            "hardship;keep=癌症",
            "那个就是说我们家老汉今年过了年以后就查出来肺上有个东西医生说是癌症现在在西宁住院化疗一个疗程就两万多"
            "家里的牛都卖了还差好多钱娃娃还在上高中你看能不能给帮一下",
            (HOFFER, "能行能行登记"),
            *help_asked(
                whose="就是我自己家里",
                kind="大病",
                when="过了年以后",
                people="我们家一共四个人",
                wanted="看病报销还有娃上学的钱",
                phone="我的电话是13909728866你们打这个",
            ),
        ),
        _d(
            "vt-projects-canal",
            "projects",
            "projects",
            "你好我想问一下我们村里面修那个水渠的钱一共花了多少钱是谁包的工程能不能给我看一下",
        ),
        _d("vt-nav-pages-home", "navigation", "menu", "我想看一下我们村里面的项目", "更多", "上一页", "返回主菜单吧"),
    ]


def blind_s() -> list[Dialogue]:
    """Set S's 80 held-out dialogues."""
    return [
        *_yiwu_son(),
        *_pingan_widow(),
        *_ledu_cherry(),
        *_huzhu_grandma(),
        *_cleaner(),
        *_noodle_cook(),
        *_deaf_villager(),
        *_asker(),
        *_voice_runons(),
    ]
