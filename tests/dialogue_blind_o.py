"""Blind dialogue set O (issue #18 §1-§5): 80 conversations written by helper "owrite" on 2026-12-07
(about 09:18-09:55 UTC) from the issue, README.md, docs/chat.md and the harness (tests/dialogue_eval.py,
tests/dialogue_corpus.py, tests/blind_support.py, the first 60 lines of tests/dialogue_blind_n.py for the
format) alone, without opening the code that answers them (bot/, cases/, knowledge/, handlers/, villages/,
wechat/, storage/) or the other blind sets' phrasings, and never run by its writer.

The people are villagers of 海东 (青海) unlike those of the earlier sets: a 藏族 herder family in the 乐都
mountains writing short Chinese in Tibetan word order (低保 村长 他的 亲戚 给了, 哦呀), a young woman back home
who runs a 直播 shop (宝子们, 集美们, 蹲一个, emoji), a woman in her seventies dictating to a voice assistant
that cuts her sentences with full stops and mishears (低报), a 包工头 angry about unpaid work and the village's
money, a neighbour of the 村会计 who knows the books and fears being found out, a 低保 household member who is
ill and writes slowly in fragments, a 东北 son-in-law living in the village (整, 唠, 贼, 嗯呐, 老丈人), a 大学生
home for the holidays who asks for his parents in careful Mandarin, a 贫困户 who takes the chat for an official
and writes letters (尊敬的领导…此致 敬礼！), and a quiet man whose voice transcripts run on with fillers (那个 那个
就是说 嗯). They write dialect, typos and same-sound slips, odd or no punctuation, full-width digits, Chinese
numerals and emoji, answer steps with more or less than asked, change their mind, leave mid-way, ask about
their safety and put several things in one message.
The expected outcomes are what such a villager would rightly expect from the issue, not guesses at the code.
A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`: either), as a villager
answers only what is asked; `{opt:词}` is the number the villager reads in front of 词 in that reply.
Run by `python -m tests.dialogue_eval --part blind_o`.
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

_d = held_out("bo")
# A short description may be asked to say more, or taken and the "more to add?" step asked.
_SAYMORE = f"{EXAMPLE}|{MORE}"
_DONE = "好了|说完"


def _reports() -> list[Dialogue]:
    """Asking to report first, in each voice's words, then answering each step as asked."""
    return [
        _d(
            "boss-canal-unpaid",
            "report",
            "report;anon=0;keep=修渠",
            "我要告状！！村上欠我修渠的钱 两年了一分不给",
            (ASKCAT, "{opt:项目}"),
            (TELL, "渠是前年修好的 验收也过了 书记说钱早就拨下来了 就是不给我结 我手底下十几个工人等着过年哩"),
            *rest(
                more="就这 你们赶紧查",
                pic="有合同 有验收单 回头发",
                name="{opt:实名}",
                give="韩建国 13800001234",
            ),
        ),
        _d(
            "live-public-jobs",
            "report",
            "report;anon=1;keep=公益岗位",
            "宝 我想反映个事儿 关于我们村的",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "我们村公益岗位6个 有4个是村主任家亲戚😤 真正困难的一个都没上"),
            *rest(more="就这些啦 辛苦", pic="我有名单截图 等下发", name="匿名叭", check="确认提交✅"),
        ),
        _d(
            "voice-granny-pension-cut",
            "report",
            "report;anon=1;keep=养老金",
            "我要举报。社长把我的养老金。扣了。",
            (ASKCAT, "{opt:资金}"),
            (TELL, "每个月。扣五十。说是管理费。扣了一年多了。"),
            *rest(more="没有了。就这些。", who="社长。", pic="没有照片。", name="不要名字。", check="提交。"),
        ),
        _d(
            "neighbour-solar-books",
            "report",
            "report;anon=1;keep=光伏分红",
            "我想反映村会计的事 他账做得有问题",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村里光伏分红去年八万多 账上只记了三万 剩下的不知道哪去了 会计家今年又买了车"),
            *rest(more="差不多就这些 账本我见过", pic="账本我没拍 不敢拍", name="{opt:匿名}"),
        ),
        _d(
            "dongbei-disability-fee",
            "report",
            "report;anon=1;keep=辛苦费;cat=吃拿卡要",
            "老妹儿 我要举报 咋整",
            (ASKCAT, "{opth:吃拿卡要}"),
            (TELL, "村长给俺老丈人办残疾证 愣是要了八百块钱 说是辛苦费 不给就不办"),
            *rest(
                more="完事儿了",
                who="村长 村干部呗",
                pic="没拍 当时没寻思",
                name="匿名 俺老丈人还得在村里过日子",
                check="整吧 提交",
            ),
        ),
        _d(
            "student-dibao-one-man",
            "report",
            "report;anon=0;keep=村民代表大会",
            "您好，我想替我父母反映一个问题。",
            (ASKCAT, "{opt:低保}"),
            (TELL, "我们村今年低保评议没开村民代表大会，名单是村支书一个人定的，公示也只贴了一天就撕了。"),
            *rest(
                more="以上就是全部情况，谢谢。",
                pic="公示的照片我拍了，但是手机坏了，之后再补充。",
                name="{opt:实名}",
                give="李明 13712340000",
            ),
        ),
        _d(
            "letter-resettlement-house",
            "report",
            "report;anon=1;keep=安置房",
            "尊敬的纪委领导：您好！我是一名普通村民，有一件事情想向您如实反映，恳请受理。",
            (ASKCAT, "{opt:优亲厚友}"),
            (
                TELL,
                "去年我村易地搬迁安置房分配时，村主任将一套房分给了他在西宁有楼房的侄子，"
                "而我家土房子已经裂缝，却没有分到。以上情况属实，恳请领导调查处理。此致 敬礼！",
            ),
            *rest(more="以上就是我要反映的全部情况 此致敬礼", pic="暂无照片", name="{opt:匿名}"),
        ),
        _d(
            "quiet-water-fee",
            "report",
            "report;anon=1;keep=入户费",
            "那个 那个 就是说 我想 嗯 反映一下 那个 我们村的事情",
            (ASKCAT, "那个 就是 {opt:资金}"),
            (
                TELL,
                "就是说 那个 前年 修那个 饮水工程的时候 那个 每家每户 收了 那个 三百块钱 说是 那个 入户费 "
                "嗯 后来 那个 上面的人说 这个钱 本来 是不该收的 就是说 那个 钱到现在 也没退",
            ),
            *rest(
                more="嗯 那个 就是说 就这些 没了",
                who="那个 村上的",
                pic="那个 没有 嗯",
                name="那个 匿名",
                check="嗯 提交",
            ),
        ),
        _d(
            "ill-fragments-dibao-stopped",
            "report",
            "report;anon=1;keep=停了",
            "反映",
            (ASKCAT, "{opt:低保}"),
            (TELL, "我家"),
            (_SAYMORE, "低保 停了"),
            (_SAYMORE, "三个月 了 村上 没说 为啥"),
            (MORE, "好了"),
            (WHO, "村上"),
            (PIC, "没"),
            (NAMEQ, "匿名"),
            (CHECK, "1"),
        ),
        _d(
            "herder-pasture-cut",
            "report",
            "report;anon=1;keep=草山",
            "村上的事 我 反映 要",
            (ASKCAT, "{opt:资金}"),
            (TELL, "草山 补奖 钱 社长 我家的 扣了 一年 八百"),
            *rest(more="完了 哦呀", who="社长", pic="照片 没有", name="名字 不要"),
        ),
        _d(
            "voice-granny-elder-subsidy",
            "report",
            "report;anon=1;keep=高龄补贴",
            "我要投诉村里。老婆子我说不清楚。你帮我记上。",
            (ASKCAT, "{opt:政策}"),
            (TELL, "我们家的高龄补贴。村上说给了。我一分钱都没见着。"),
            *rest(more="就是这个事。", who="村上的干部。", pic="没有。", name="匿名吧。我怕。", check="提交吧。"),
        ),
        _d(
            "neighbour-sheep-add-on-edit",
            "report",
            "report;anon=1;keep=羊;keep=六万",
            "有个事想给你们反映 关于村里集体羊卖的钱",
            (ASKCAT, "{opt:资金}"),
            (TELL, "去年合作社一百多只羊卖了 卖的钱一直没公开 账上也找不着"),
            (MORE, "好了"),
            (WHO, "{opt:村干部}"),
            (PIC, "没有"),
            (NAMEQ, "{opt:匿名}"),
            (CHECK, "{opt:修改}"),
            ("哪一项|哪项|改什么|改哪|修改", "{opt:经过}"),
            ("补充|追加|添加|加上|接着", "{opt:补充}"),
            ("补充|追加|添加|发送|说说|请", "羊是社长拉到集上卖的 我听收羊的说卖了大概六万"),
            (_DONE, "就这些了"),
            (CHECK, "{opt:提交}"),
        ),
    ]


def _hardships() -> list[Dialogue]:
    """A household's trouble told, registered for a visit; nothing anonymous on this path."""
    return [
        _d(
            "herder-snow-no-phone",
            "hardship",
            "hardship;anon=0",
            "雪 大 下了 牛 羊 一半 死了 家里 吃的 没有",
            (HOFFER, "哦呀 {opt:登记}"),
            (WHOSE, "自己家 我的"),
            (HKIND, "{opt:灾害}"),
            (HWHEN, "上个月 雪 下的 时候"),
            (HPEOPLE, "六个 人"),
            (HHELP, "草料 要 救助 要"),
            (HPHONE, "电话 我 没有"),
            (HPHONE, "阿爸的 13900002222"),
            (HCHECK, "{opt:提交}"),
        ),
        _d(
            "live-dad-stroke",
            "hardship",
            "hardship;anon=0;keep=脑出血",
            "宝子们 我爸上个月脑出血 在西宁住ICU 直播也停了 家里快撑不住了😭",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                "{opt:自己家}", "{opt:大病}", "上个月", "4口", "医疗救助 看病能多报点", "13800005678", "确认✅"
            ),
        ),
        _d(
            "voice-granny-bedridden",
            "hardship",
            "hardship;anon=0",
            "我老汉瘫到床上。三年了。我七十多了。伺候不动了。",
            (HOFFER, "要登记。"),
            *help_asked(
                "我家。",
                "{opt:残疾}",
                "三年前。",
                "两个人。就我们老两口。",
                "有人照顾。看病。",
                "13700003333 是我儿子的",
                "提交。",
            ),
        ),
        _d(
            "boss-fell-scaffold",
            "hardship",
            "hardship;anon=0",
            "我从架子上摔下来 腰椎骨折了 干不成活了 老板的工钱还欠着 家里两个娃上学",
            (HOFFER, "{opt:登记}"),
            *help_asked("自己", "{opt:意外}", "十月份", "五口", "看病 娃上学的钱", "13800001234"),
        ),
        _d(
            "ill-fragments-dialysis",
            "hardship",
            "hardship;anon=0",
            "尿毒症 透析 钱 没了",
            (HOFFER, "{opt:登记}"),
            *help_asked("我", "病", "去年", "3", "看病 钱", "13900004444", "1"),
        ),
        _d(
            "dongbei-inlaws-house",
            "hardship",
            "hardship;anon=0",
            "俺老丈人家房子让雨给泡塌了 老两口现在搁俺家挤着 你们给整一下呗",
            (HOFFER, "嗯呐 {opt:登记}"),
            *help_asked(
                "{opt:别人家} 俺老丈人家",
                "{opt:灾害}",
                "八月份下大雨那阵",
                "俩人",
                "房子得修起来 危房改造能整不",
                "13700006666",
                "整 {opt:提交}",
            ),
        ),
        _d(
            "student-fees-dad-jobless",
            "hardship",
            "hardship;anon=0",
            "我爸今年工地上的活没了，我妈身体也不好，我下学期的学费还没着落，想问问家里能不能申请帮扶。",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                "{opt:自己家}",
                "{opt:失业} {opt:上学}",
                "今年九月",
                "三口人",
                "学费资助，还有帮我爸找个活",
                "13900001357",
            ),
        ),
        _d(
            "letter-wife-cancer",
            "hardship",
            "hardship;anon=0;keep=胃癌",
            "尊敬的领导：您好！我是本村一名脱贫户，今年春天我爱人查出胃癌，手术化疗花去十余万元，"
            "家中积蓄耗尽，又欠下外债，生活十分困难。恳请领导给予帮助。此致 敬礼！",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                "{opt:自己}",
                "{opt:大病}",
                "今年春天",
                "四口人",
                "恳请给予医疗救助和临时救助",
                "联系电话：13800007777",
            ),
        ),
        _d(
            "quiet-old-neighbour-roof",
            "hardship",
            "hardship;anon=0",
            "那个 就是说 我们隔壁 那个 马家的 老阿奶 嗯 一个人 那个 住着 房子 那个 漏雨 冬天了 那个 "
            "炉子 也没有 就是说 也没人管 那个 能不能 帮一下",
            (HOFFER, "嗯 {opt:登记}"),
            *help_asked(
                "那个 {opt:别人家}",
                "那个 {opt:其他}",
                "那个 今年秋天 开始的",
                "一个人 就她自己",
                "那个 房子 修一下 冬天 给点煤",
                "那个 我的电话 13900008888",
                "嗯 {opt:提交}",
            ),
        ),
    ]


def _stories() -> list[Dialogue]:
    """Misconduct told flat, offered as a report and filed with the villager's own words."""
    return [
        _d(
            "herder-dibao-kin",
            "story",
            "report;anon=1;keep=亲戚 给了",
            "村长 低保 他的 亲戚 给了 我家 困难 没给",
            (OFFER, "哦呀 {opt:开始}"),
            *rest(more="没有 别的", who="村长", pic="没有", name="名字 不要"),
        ),
        _d(
            "boss-road-brother-in-law",
            "story",
            "report;anon=0;keep=小舅子",
            "书记把修路的活给了他小舅子 他小舅子转手又包给别人 层层扒皮 钱都让他们赚了 我干了活到现在钱没拿到",
            (OFFER, "对 我就是要告他"),
            *rest(
                more="就这 别的见面说",
                pic="有欠条 后面给你们发",
                name="{opt:实名}",
                give="马国强 13800002345",
            ),
        ),
        _d(
            "neighbour-new-house-car",
            "story",
            "report;anon=1;keep=没公开",
            "会计家今年又盖楼又买车 他一个月工资才两千 村里的账好几年没公开过",
            (OFFER, "{opt:开始}"),
            *rest(
                more="就这些 我知道的就这么多",
                pic="没有证据 但是账一查就知道",
                name="{opt:匿名} 千万别说是我",
            ),
        ),
        _d(
            "live-ecommerce-fund",
            "story",
            "report;anon=1;keep=电商",
            "集美们谁懂啊😤 村里的电商扶持资金说是给直播带货的 结果全给了支书侄女开的店 我们申请都没人理",
            (OFFER, "冲 {opt:开始}"),
            *rest(more="就这些 蹲一个结果", pic="有公示截图 晚点发", name="匿名吧 求求了🙏"),
        ),
        _d(
            "voice-granny-dibao-nephew",
            "story",
            "report;anon=1;keep=给了他侄子",
            "村上的书记。把我的低报。给了他侄子了。我去问。他说我儿子有工作。",
            (OFFER, "对。是要反映。"),
            *rest(more="就这。", who="书记。", pic="没有。", name="匿名。", check="提交。"),
        ),
        _d(
            "letter-farmland-kin",
            "story",
            "report;anon=1;keep=五十亩",
            "尊敬的领导：您好！我村村委会主任利用职务之便，将村集体的五十亩耕地私自承包给其亲属，"
            "承包费至今未入村集体账目。特此反映，望予查处。此致 敬礼！",
            (OFFER, "{opt:开始}"),
            (ASKCAT, "{opt:资金}"),
            *rest(more="以上情况属实 反映完毕", pic="暂无", name="{opt:匿名}"),
        ),
        _d(
            "dongbei-public-job-kin",
            "story",
            "report;anon=1;keep=公益岗",
            "村长他小舅子啥活不干 公益岗工资一个月八百照领 俺们天天扫大街的都看着呢 贼气人",
            (OFFER, "嗯呐 {opt:开始}"),
            *rest(more="完事儿", who="村长那块的 村干部", pic="没拍 全村人都知道", name="匿名呗", check="整 提交"),
        ),
        _d(
            "quiet-poverty-sheep",
            "story",
            "report;anon=1;keep=圈里",
            "那个 那个 就是说 我们村 那个 前年 发的那个 扶贫的 那个 羊 嗯 每家 说是 两只 那个 结果 就是说 "
            "我们家 那个 一只 都没有 见到 那个 社长 说是 那个 死了 但是 我看见 那个 在他家 圈里 拴着",
            (OFFER, "嗯 对 {opt:开始}"),
            *rest(
                more="那个 就是说 没了 就这些",
                who="那个 社长",
                pic="那个 照片 没有",
                name="那个 匿名",
                check="嗯 {opt:提交}",
            ),
        ),
    ]


def _persons() -> list[Dialogue]:
    """Asking for a person, the question in the same message or the next."""
    return [
        _d(
            "dongbei-real-person",
            "person",
            "person",
            "整个真人来唠唠呗 这机器人说话贼磨叽",
            (ASKQ, "俺老丈人的养老保险断了好几年 现在还能补交不"),
        ),
        _d(
            "letter-staff-reply",
            "person",
            "person",
            "尊敬的领导：您好！我想请一位工作人员亲自答复我的问题，不胜感激。",
            (ASKQ, "我家的临时救助申请交上去两个月了，至今没有音讯，请问什么时候能有结果？"),
        ),
        _d(
            "voice-granny-misheard",
            "person",
            "person",
            "转认工。我打不来字。",
            (ASKQ, "我的老年证丢了。到哪里补。"),
        ),
        _d(
            "student-refund-insurance",
            "person",
            "human",
            "请问可以联系人工客服吗？我想咨询一下我父母的医保，去年交了两次，多交的能退吗？",
            (ASKQ, "我父母去年的医保交了两次，多交的能退吗？"),
        ),
        _d(
            "boss-someone-in-charge",
            "person",
            "person",
            "叫你们管事的干部出来 跟机器说不清",
            (ASKQ, "村上修渠的工程款到底归哪个部门管 我该找谁要"),
        ),
        _d(
            "herder-a-person",
            "person",
            "person",
            "人 真的 有吗 干部 说话 要",
            (ASKQ, "草山 补奖 今年 什么时候 发"),
        ),
        _d(
            "quiet-someone-to-talk",
            "person",
            "person",
            "那个 那个 就是说 有没有 那个 能说话的 那个 人 就是 干部",
            (ASKQ, "那个 就是说 我家 那个 宅基地的 那个 证 还没办下来 那个 该找谁"),
        ),
    ]


def _navigation() -> list[Dialogue]:
    """Leaving, going back and asking for help, in any state."""
    return [
        _d(
            "live-leave-after-stream",
            "navigation",
            "cancel",
            "3",
            (ASKCAT, "算了算了 先不弄了 等我下播再说"),
        ),
        _d(
            "herder-back-at-story",
            "navigation",
            "back",
            "3",
            (ASKCAT, "{opt:低保}"),
            (TELL, "返回"),
        ),
        _d(
            "voice-granny-track-home",
            "navigation",
            "menu",
            "查进度。",
            (TRACKQ, "首页。"),
        ),
        _d(
            "dongbei-how-to-use",
            "navigation",
            "help",
            "这玩意儿咋用啊 给俺说道说道",
        ),
        _d(
            "ill-fragments-leave-hardship",
            "navigation",
            "cancel",
            "家里 困难 病了 没钱",
            (HOFFER, "{opt:登记}"),
            (WHOSE, "{opt:自己}"),
            (HKIND, "不弄了 太累"),
        ),
        _d(
            "student-projects-to-menu",
            "navigation",
            "menu",
            "2",
            (LIST, "返回主菜单"),
        ),
        _d(
            "neighbour-gives-up",
            "navigation",
            "cancel",
            "3",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村里的账 好几年对不上"),
            (_SAYMORE, "算了 我还是不反映了 怕惹麻烦"),
        ),
        _d(
            "boss-wrong-pick",
            "navigation",
            "back",
            "3",
            (ASKCAT, "{opt:项目}"),
            (TELL, "选错了 重选"),
        ),
    ]


def _projects() -> list[Dialogue]:
    """The village's own money and projects, listed and opened."""
    return [
        _d("herder-road-money", "projects", "projects", "村 修路 钱 多少 看 要"),
        _d("live-projects-video", "projects", "projects", "宝 我们村今年有啥项目呀 想拍个视频宣传一下家乡💪"),
        _d(
            "boss-who-built-it",
            "projects",
            "detail",
            "村里的工程都是谁包的 公开了没有",
            (LIST, "1"),
        ),
        _d("neighbour-collective-income", "projects", "projects", "村集体收入一年多少 花到哪去了 有没有公开"),
        _d(
            "student-paging",
            "projects",
            "projects",
            "请问在哪里可以看到我们村的项目公示和资金使用情况？",
            (LIST, "更多"),
            (LIST, "上一页"),
        ),
        _d(
            "dongbei-square-cost",
            "projects",
            "detail",
            "俺想瞅瞅村里的账 修那个文化广场花了多少",
            (LIST, "第一个"),
        ),
        _d("voice-granny-road", "projects", "projects", "村里。修路的钱。花了多少。"),
        _d(
            "quiet-project-doubt",
            "projects",
            "report;anon=1",
            "那个 就是说 村里 那个 修的那个 项目 能不能 看一下",
            (LIST, "那个 1"),
            ("反映", "那个 我对这个项目有疑问"),
            (ASKCAT, "{opt:项目}"),
            (TELL, "那个 就是说 那个 修好 没多久 就 那个 坏了 裂了 好几道 口子"),
            *rest(more="那个 就这些", pic="那个 没有", name="那个 {opt:匿名}", check="嗯 {opt:提交}"),
        ),
    ]


def _tracks() -> list[Dialogue]:
    """A case looked up by number and code in many shapes; a number that cannot be one is asked about."""
    return [
        _d(
            "student-groups",
            "track",
            "case",
            "查询进度",
            (TRACKQ, "编号：{p1} {p2} {p3}\n查询码：{cs}"),
        ),
        _d(
            "herder-code-first",
            "track",
            "case",
            "上次 反映的 事 怎么样 了",
            (TRACKQ, "{cf} {nf}"),
        ),
        _d(
            "live-for-mum",
            "track",
            "case",
            "宝 帮我查一下我妈反映的那个事儿～ 编号{n}，查询码{c}🙏",
        ),
        _d(
            "dongbei-em-dashes",
            "track",
            "case",
            "{p1}—{p2}—{p3} 码{c} 给俺瞅瞅咋样了",
        ),
        _d(
            "letter-progress",
            "track",
            "case",
            "尊敬的领导：您好！我于本月反映的问题（编号：{nf}，查询码：{cf}），不知办理进展如何，恳请告知。",
        ),
        _d(
            "voice-granny-short-number",
            "track",
            "notcase",
            "查进度。",
            (TRACKQ, "编号是。63022 2026 000123。查询码。123456。"),
        ),
    ]


def _choices() -> list[Dialogue]:
    """Menu and list choices in full-width digits, Chinese numerals, 第N个 and the option's own words."""
    return [
        _d("live-fullwidth-two", "choice", "projects", "２～"),
        _d(
            "voice-granny-one",
            "choice",
            "answer",
            "一。",
            (ASKQ, "养老金。一个月。能领多少。"),
        ),
        _d(
            "herder-four-hao",
            "choice",
            "case",
            "四 号",
            (TRACKQ, "{n} {c}"),
        ),
        _d("dongbei-words", "choice", "projects", "整那个项目公开"),
        _d(
            "student-ordinals",
            "choice",
            "report;anon=1;cat=低保|优亲厚友|评定不公",
            "3",
            (ASKCAT, "{opth:低保}"),
            (TELL, "我们村今年评低保，村主任的两个儿子家都评上了，他们家有货车，我邻居家老人瘫痪在床却没评上。"),
            *rest(more="就这些。", pic="没有。", name="{optc:匿名}"),
        ),
        _d(
            "quiet-menu-words",
            "choice",
            "report;anon=1;cat=吃拿卡要",
            "那个 反映问题 那个",
            (ASKCAT, "那个 {opth:吃拿卡要} 吧"),
            (TELL, "就是说 那个 去开 那个 低保的 证明 那个 村文书 要了 那个 两百块钱 不给 就 不开"),
            *rest(more="那个 就这些", who="那个 村上的", pic="没有 那个", name="那个 匿名", check="嗯 提交"),
        ),
    ]


def _small_talk() -> list[Dialogue]:
    """Greetings, thanks and care, answered in kind with the menu."""
    return [
        _d("herder-thanks", "smalltalk", "menu", "哦呀 谢谢 你们 辛苦 了"),
        _d("live-evening", "smalltalk", "menu", "晚上好呀宝子们🌙✨"),
        _d("dongbei-cold-day", "smalltalk", "menu", "老铁们辛苦了哈 大冷天的 👍"),
        _d(
            "letter-gratitude",
            "smalltalk",
            "menu",
            "尊敬的领导：感谢党和政府对我家的关心帮助，祝你们工作顺利，身体健康！此致 敬礼！",
        ),
        _d("voice-granny-thanks", "smalltalk", "menu", "好的。知道了。谢谢你啊姑娘。"),
        _d("quiet-thanks", "smalltalk", "menu", "那个 那个 就是说 嗯 谢谢 啊 你们"),
    ]


def _safety() -> list[Dialogue]:
    """Asking whether the accused will know; the fear answered, never kept in the report."""
    return [
        _d(
            "neighbour-next-door",
            "safety",
            "report;anon=1;keep=集体的羊;drop=隔壁",
            "我想举报村会计 但我就住他家隔壁 他要是知道是我说的咋办",
            (OFFER, "{opt:开始}"),
            (ASKCAT, "{opt:资金}"),
            (TELL, "村里五十多只集体的羊卖了 钱没进账 会计说是病死了"),
            *rest(more="就这些", pic="没有", name="{opt:匿名}"),
        ),
        _d(
            "herder-will-they-know",
            "safety",
            "report;anon=1;keep=低保;drop=知道 吗",
            "举报 做 的 话 村长 我的 名字 知道 吗",
            "那 反映 要 我",
            (ASKCAT, "{opt:低保}"),
            (TELL, "低保 村长 他家的 人 给了 我们 困难 没有 给"),
            *rest(more="完了", who="村长", pic="没有", name="名字 不要"),
        ),
        _d(
            "student-wechat-visible",
            "safety",
            "report;anon=1;keep=分红;drop=微信号",
            "我要反映",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村里的产业扶持资金说是入股合作社分红，三年了我们家一分分红都没见到，合作社账目也从来没公开过。"),
            (MORE, "就这些，谢谢。"),
            (WHO, "{opt:村干部}"),
            (PIC, "没有"),
            (NAMEQ, "匿名的话，你们后台能看到我的微信号吗？会不会告诉村里？"),
            (NAMEQ, "{opt:匿名}"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "live-parents-in-village",
            "safety",
            "report;anon=1;keep=光伏分红;drop=穿小鞋",
            "村里的光伏分红一户说是一千五 我家只拿到五百 我要是举报了我爸妈在村里会不会被穿小鞋啊😣",
            (OFFER, "{opt:开始}"),
            *rest(more="没了 就这些", pic="没有", name="匿名 拜托了🙏"),
        ),
        _d(
            "boss-real-name-then-not",
            "safety",
            "report;anon=1;keep=吃了一顿饭;drop=记仇",
            "我要举报村主任",
            (ASKCAT, "{opt:项目}"),
            (TELL, "村里的文化广场是我们队干的 验收那天村主任吃了一顿饭拿了两条烟才签字 后来工程款还被他扣了两万"),
            (MORE, "就这些"),
            (WHO, "{opt:村干部}"),
            (PIC, "没拍"),
            (NAMEQ, "{opt:实名}"),
            (NAMEGIVE, "实名的话 村主任能看到我的名字和电话不"),
            ("匿名|实名|姓名|名字", "那还是匿名吧 他这人记仇"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "voice-granny-trouble",
            "safety",
            "report;anon=1;keep=危房改造;drop=找我麻烦",
            "我要反映问题。反映了。会不会有人来找我麻烦。",
            (OFFER, "{opt:开始}"),
            (ASKCAT, "{opt:评定不公}"),
            (TELL, "村上的危房改造。我家房子裂了。报了三年了。村上说没指标。主任家亲戚的房子好好的。给改了。"),
            *rest(
                more="就是这个。",
                who="主任。",
                pic="房子的裂缝。照下了。等我孙子来了发。",
                name="匿名。",
                check="提交。",
            ),
        ),
    ]


def _questions() -> list[Dialogue]:
    """Policy questions in each voice's words."""
    return [
        _d("student-yulu", "question", "answer", "请问我妹妹在读中职，雨露计划的补助怎么申请？需要什么材料？"),
        _d("dongbei-insurance", "question", "answer", "医保一年交多少钱呐 俺家五口人都得交不"),
        _d("herder-grassland-award", "question", "answer", "草原 补奖 一亩 多少 给 的"),
        _d("voice-granny-elder-allowance", "question", "answer", "我今年七十三了。高龄补贴。能领多少。咋领。"),
    ]


def blind_o() -> list[Dialogue]:
    """The 80 dialogues of blind set O."""
    return (
        _reports()
        + _hardships()
        + _stories()
        + _persons()
        + _navigation()
        + _projects()
        + _tracks()
        + _choices()
        + _small_talk()
        + _safety()
        + _questions()
    )
