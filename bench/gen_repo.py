#!/usr/bin/env python3
"""Deterministic generator of Inkstone content repositories for benchmarks.

Same options and seed -> byte-identical history: the same commit ids, the same tip.

    python3 bench/gen_repo.py --out bench/work/repo-small --pages 200 --commits 2000
    python3 bench/gen_repo.py --out bench/work/repo-10k --pages 10000 --commits 100000 --commit-graph

Options (see --help): --out DIR (must be missing or empty; --force empties it), --bare, --pages N (1000),
--depth D (3: folder levels counting the root, so pages sit D-1 folders deep, e.g. s03/s17/page-00042.md),
--commits C (default = pages), --page-kb K (2), --seed S (1), --lang mixed|zh|en (mixed), --zipf S (1.0),
--repack (git repack -a -d -f afterwards: a smaller pack like a clone's; fast-import deltas blobs poorly),
--commit-graph (write a commit-graph with changed-path Bloom filters after the import).

History: the first commits create the pages (one page per commit while C >= N; each folder's index.md comes with
its first page, the root index.md with the first commit). Every later commit modifies existing pages picked
from a Zipf-like distribution over a fixed random "hotness" order (a few pages change very often, most rarely or
never); about 1% of commits rename a page (exact renames, a third also edit a line) and about 1% add or delete
a page. Modifications change one to three lines, so diffs are small and three-way merges are realistic.

Determinism: all choices come from random.Random seeded with SHA-256 of the seed (Mersenne Twister, stable
across CPython 3.x); authors and committers come from a fixed list picked by the seed, commit k (from 0) is
dated 2020-01-01T00:00:00+08:00 + 60 s * k. The stream goes through a pipe to `git fast-import`, which is why
10,000 pages x 100,000 commits take a few minutes rather than hours. Standard library only.
"""

import argparse
import bisect
import hashlib
import itertools
import math
import os
import posixpath
import random
import shutil
import subprocess
import sys
import time

EPOCH = 1577808000  # 2020-01-01T00:00:00+08:00
TZ = "+0800"
STEP_SECONDS = 60
PAGES_PER_FOLDER = 20

ZH_WORDS = (
    "我们 你们 他们 这个 那个 什么 因为 所以 但是 如果 可以 需要 应该 已经 正在 开始 结束 问题 方法 系统 "
    "数据 模型 训练 推理 参数 结果 时间 文档 页面 内容 作者 用户 服务 接口 请求 响应 版本 分支 提交 历史 "
    "文件 目录 章节 标题 摘要 标签 链接 图片 表格 代码 示例 说明 配置 环境 部署 测试 性能 缓存 索引 搜索 "
    "查询 排序 过滤 合并 冲突 修改 删除 添加 移动 恢复 回滚 比较 差异 统计 分析 设计 实现 优化 改进 支持 "
    "使用 调用 返回 读取 写入 保存 加载 生成 渲染 解析 验证 检查 处理 计算 更新 同步 发布 管理 维护 记录 "
    "重要 简单 复杂 快速 稳定 安全 完整 清楚 准确 常见 一般 特别 主要 基本 相同 不同 新的 旧的 大量 少量 "
    "注意力 向量 矩阵 梯度 损失 函数 网络 层次 节点 边界 路径 结构 框架 工具 平台 项目 团队 会议 计划 目标 "
    "知识 经验 学习 理解 讨论 建议 反馈 评审 质量 标准 规则 流程 步骤 阶段 任务 进度 风险 成本 收益 价值 "
    "今天 明天 现在 以后 之前 之后 同时 然后 最后 首先 其次 另外 例如 也就是 换句话说 总之 一些 每个 所有 "
    "中文 英文 字符 编码 格式 协议 仓库 远程 本地 机器 内存 磁盘 网络 线程 进程 队列 事件 日志 监控 告警"
).split()
ZH_GLUE = list("的了在是和与及或也都就还把被对从向为")
EN_WORDS = (
    "the a an of to in for on with by from as at into over under between across about after before "
    "model training inference attention layer vector matrix gradient loss function network node edge path "
    "page section article content author reader editor service request response version branch commit history "
    "file folder title summary tag link image table code example note setting environment deploy test "
    "performance cache index search query order filter merge conflict change delete add move restore revert "
    "compare diff count analysis design build improve support use call return read write save load generate "
    "render parse check handle compute update sync publish manage keep record important simple complex fast "
    "stable secure complete clear exact common general special main basic same different new old large small "
    "data system method result time document user interface field value type schema rule step stage task "
    "team plan goal review quality standard process risk cost benefit knowledge memory disk thread queue event "
    "log metric alert repository remote local machine encoding format protocol token role edit commit tree "
    "we you they it this that these those which when where while because so but if can should must may will"
).split()
TAGS = ("ai training inference guide howto reference faq api git ops design 模型 训练 部署 指南 参考 "
        "问题 接口 运维 设计 数据").split()
PEOPLE = (("Li Wei", "li.wei"), ("Wang Fang", "wang.fang"), ("Zhang Min", "zhang.min"), ("Liu Yang", "liu.yang"),
          ("Chen Jing", "chen.jing"), ("Yang Lei", "yang.lei"), ("Zhao Qiang", "zhao.qiang"),
          ("Huang Li", "huang.li"), ("Alice Martin", "alice"), ("Bob Keller", "bob"), ("Carol Diaz", "carol"),
          ("Dmitri Volkov", "dmitri"), ("Emma Brown", "emma"), ("Farid Haddad", "farid"),
          ("Grace Okafor", "grace"), ("Hiro Tanaka", "hiro"), ("Ines Costa", "ines"), ("Jonas Berg", "jonas"))
CODE_SNIPPETS = (
    ("python", ["def handler(request):", "    page = load(request.path)", "    return render(page)"]),
    ("bash", ["git log -n 20 --format=%H -- docs/index.md", "curl -s localhost:7070/api/nav | jq ."]),
    ("java", ["var page = store.page(path);", "return Json.bytes(page);"]),
    ("json", ["{", "  \"title\": \"example\",", "  \"order\": 3", "}"]),
    ("yaml", ["model:", "  layers: 12", "  heads: 8"]),
)
# Kinds of lines in a page, so that edits touch prose, table cells or code and keep the Markdown valid.
FIXED, PROSE, ROW, CODE, SUMMARY = range(5)


def byte_size(lines):
    return sum(len(s.encode("utf-8")) + 1 for s in lines)


class Text:
    """Random Chinese and English text from fixed word lists."""

    def __init__(self, rng, lang):
        self.rng = rng
        self.lang = lang

    def zh_sentence(self):
        rng = self.rng
        words = rng.choices(ZH_WORDS, k=rng.randint(6, 14))
        if len(words) > 8:
            words.insert(rng.randint(3, len(words) - 3), "，")
        for _ in range(rng.randint(0, 2)):
            words.insert(rng.randint(1, len(words) - 1), rng.choice(ZH_GLUE))
        return "".join(words) + "。"

    def en_sentence(self):
        rng = self.rng
        words = rng.choices(EN_WORDS, k=rng.randint(8, 16))
        first = words[0]
        words[0] = first[:1].upper() + first[1:]
        return " ".join(words) + "."

    def is_zh(self):
        return self.lang == "zh" or (self.lang == "mixed" and self.rng.random() < 0.5)

    def line(self):
        """One line of a paragraph: 120-300 bytes in either language."""
        if self.is_zh():
            return "".join(self.zh_sentence() for _ in range(self.rng.randint(1, 3)))
        return " ".join(self.en_sentence() for _ in range(self.rng.randint(1, 2)))

    def heading(self):
        if self.is_zh():
            return "".join(self.rng.choices(ZH_WORDS, k=self.rng.randint(2, 4)))
        words = self.rng.choices(EN_WORDS[25:], k=self.rng.randint(2, 4))
        return " ".join(words).capitalize()

    def short(self):
        return self.heading()


class Page:
    __slots__ = ("pid", "path", "lines", "kinds", "size")

    def __init__(self, pid, path, lines, kinds):
        self.pid = pid
        self.path = path
        self.lines = lines
        self.kinds = kinds
        self.size = byte_size(lines)

    def data(self):
        data = ("\n".join(self.lines) + "\n").encode("utf-8")
        self.size = len(data)
        return data


class Generator:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(int.from_bytes(hashlib.sha256(str(args.seed).encode()).digest(), "big"))
        self.text = Text(self.rng, args.lang)
        self.target = max(256, int(args.page_kb * 1024))
        self.pages = {}          # pid -> Page
        self.hot = []            # live pids in hotness order, hottest first
        self.folders = set()     # folders that have an index.md ("" is the root)
        self.next_pid = 0
        self.width = max(5, len(str(args.pages * 2)))
        self.leaves = self.leaf_folders()
        self.cum = []
        self.grow_cum(args.pages * 2)
        people = list(PEOPLE)
        self.rng.shuffle(people)
        self.people = people[:12]
        self.people_cum = list(itertools.accumulate(1.0 / (i + 1) for i in range(len(self.people))))
        self.commit_no = 0
        self.stats = {"added": 0, "deleted": 0, "renamed": 0, "modified": 0}

    # ----- layout -------------------------------------------------------------------------------------------

    def leaf_folders(self):
        levels = max(1, self.args.depth) - 1
        if levels == 0:
            return [""]
        want = max(1, math.ceil(self.args.pages / PAGES_PER_FOLDER))
        fanout = max(2, math.ceil(want ** (1.0 / levels) - 1e-9))
        digits = max(2, len(str(fanout - 1)))
        names = ["s%0*d" % (digits, i) for i in range(fanout)]
        return ["/".join(p) for p in itertools.product(names, repeat=levels)]

    def ensure_folders(self, folder, ops):
        """Creates index.md for `folder` and its missing ancestors (root first)."""
        missing = []
        while folder not in self.folders:
            missing.append(folder)
            if folder == "":
                break
            folder = posixpath.dirname(folder)
        for f in reversed(missing):
            self.folders.add(f)
            ops.append(("M", posixpath.join(f, "index.md") if f else "index.md", self.section_page(f)))

    def section_page(self, folder):
        t = self.text
        title = ("首页" if t.is_zh() else "Home") if folder == "" else (
            ("章节 " if t.is_zh() else "Section ") + folder.rsplit("/", 1)[-1])
        body = ["---", 'title: "%s"' % title, 'summary: "%s"' % t.short(),
                "order: %d" % self.rng.randint(1, 50), "---", "", t.line(), ""]
        return ("\n".join(body) + "\n").encode("utf-8")

    def new_path(self, pid, folder=None):
        if folder is None:
            folder = self.rng.choice(self.leaves)
        name = "page-%0*d.md" % (self.width, pid)
        return posixpath.join(folder, name) if folder else name

    # ----- page content -------------------------------------------------------------------------------------

    def link_line(self, path):
        if not self.hot:
            return None
        target = self.pages[self.hot[self.rng.randrange(len(self.hot))]]
        if target.path == path:
            return None
        rel = posixpath.relpath(target.path, posixpath.dirname(path) or ".")
        label = "另见" if self.text.is_zh() else "See also"
        return "%s [%s](%s)." % (label, posixpath.basename(target.path)[:-3], rel)

    def make_page(self, pid, path):
        rng, t = self.rng, self.text
        lines, kinds = [], []

        def add(line, kind=FIXED):
            lines.append(line)
            kinds.append(kind)

        tags = ", ".join(rng.sample(TAGS, rng.randint(1, 3)))
        add("---")
        add('title: "%s %d"' % (t.heading(), pid))
        add('summary: "%s"' % t.short(), SUMMARY)
        add("order: %d" % rng.randint(1, 100))
        add("tags: [%s]" % tags)
        add("---")
        add("")
        for _ in range(rng.randint(1, 2)):
            add(t.line(), PROSE)
        add("")
        size = byte_size(lines)
        table_done = code_done = False
        section = 0
        while size < self.target or not (table_done and code_done):
            section += 1
            add(("### " if section % 3 == 0 else "## ") + t.heading())
            add("")
            for _ in range(rng.randint(1, 2)):
                for _ in range(rng.randint(1, 3)):
                    add(t.line(), PROSE)
                add("")
            if not table_done:
                table_done = True
                cols = rng.randint(3, 4)
                add("| " + " | ".join(t.short() for _ in range(cols)) + " |")
                add("|" + "---|" * cols)
                for _ in range(rng.randint(2, 5)):
                    add("| " + " | ".join(str(rng.randint(0, 999)) for _ in range(cols)) + " |", ROW)
                add("")
            elif not code_done:
                code_done = True
                lang, body = rng.choice(CODE_SNIPPETS)
                add("```" + lang)
                for line in body:
                    add(line, CODE)
                add("```")
                add("")
            if rng.random() < 0.3:
                link = self.link_line(path)
                if link:
                    add(link, PROSE)
                    add("")
            size = byte_size(lines)
        return Page(pid, path, lines, kinds)

    def pick_line(self, page, kind):
        """Index of a random line of `kind`, or None; rejection sampling since most lines are prose."""
        n = len(page.lines)
        for _ in range(12):
            i = self.rng.randrange(n)
            if page.kinds[i] == kind:
                return i
        candidates = [i for i, k in enumerate(page.kinds) if k == kind]
        return self.rng.choice(candidates) if candidates else None

    def edit(self, page):
        """Changes one to three lines of the page in place."""
        rng, t = self.rng, self.text
        r = rng.random()
        if r < 0.70:
            for _ in range(rng.randint(1, 2)):
                i = self.pick_line(page, PROSE)
                if i is not None:
                    page.lines[i] = t.line()
        elif r < 0.80:
            i = self.pick_line(page, ROW)
            if i is not None:
                cells = page.lines[i].strip("| ").split(" | ")
                cells[rng.randrange(len(cells))] = str(rng.randint(0, 999))
                page.lines[i] = "| " + " | ".join(cells) + " |"
        elif r < 0.92:
            i = self.pick_line(page, PROSE)
            if i is not None:
                if page.size > self.target * 1.4:
                    del page.lines[i]
                    del page.kinds[i]
                else:
                    new = (self.link_line(page.path) if rng.random() < 0.1 else None) or t.line()
                    page.lines.insert(i + 1, new)
                    page.kinds.insert(i + 1, PROSE)
        elif r < 0.96:
            i = self.pick_line(page, SUMMARY)
            if i is not None:
                page.lines[i] = 'summary: "%s"' % t.short()
        else:
            i = self.pick_line(page, CODE)
            if i is not None:
                page.lines[i] = page.lines[i].rstrip() + "  # " + rng.choice(EN_WORDS)

    # ----- operations ---------------------------------------------------------------------------------------

    def add_page(self, ops, hot_position=None):
        pid = self.next_pid
        self.next_pid += 1
        path = self.new_path(pid)
        self.ensure_folders(posixpath.dirname(path), ops)
        page = self.make_page(pid, path)
        self.pages[pid] = page
        if hot_position is None:
            self.hot.append(pid)
        else:
            self.hot.insert(hot_position, pid)
        ops.append(("M", path, page.data()))
        self.stats["added"] += 1
        return page

    def grow_cum(self, n):
        total = self.cum[-1] if self.cum else 0.0
        for rank in range(len(self.cum) + 1, n + 1):
            total += 1.0 / rank ** self.args.zipf
            self.cum.append(total)

    def zipf_pid(self):
        n = len(self.hot)
        if n > len(self.cum):
            self.grow_cum(n * 2)
        rank = bisect.bisect_right(self.cum, self.rng.random() * self.cum[n - 1])
        return self.hot[min(rank, n - 1)]

    def modify(self, ops):
        page = self.pages[self.zipf_pid()]
        if any(op[1] == page.path for op in ops):
            return None
        self.edit(page)
        ops.append(("M", page.path, page.data()))
        self.stats["modified"] += 1
        return page

    def rename(self, ops):
        page = self.pages[self.hot[self.rng.randrange(len(self.hot))]]
        old = page.path
        folder = posixpath.dirname(old)
        if self.rng.random() < 0.5 and len(self.leaves) > 1:
            while True:
                target = self.rng.choice(self.leaves)
                if target != folder:
                    break
            new = posixpath.join(target, posixpath.basename(old)) if target else posixpath.basename(old)
        else:
            pid = self.next_pid
            self.next_pid += 1
            new = self.new_path(pid, folder)
        self.ensure_folders(posixpath.dirname(new), ops)
        page.path = new
        ops.append(("R", old, new))
        if self.rng.random() < 0.33:
            self.edit(page)
            ops.append(("M", new, page.data()))
        self.stats["renamed"] += 1
        return old, new

    def delete(self, ops):
        i = self.rng.randrange(len(self.hot))
        pid = self.hot.pop(i)
        page = self.pages.pop(pid)
        ops.append(("D", page.path, None))
        self.stats["deleted"] += 1
        return page.path

    # ----- the stream ---------------------------------------------------------------------------------------

    def person(self):
        i = bisect.bisect_right(self.people_cum, self.rng.random() * self.people_cum[-1])
        return self.people[min(i, len(self.people) - 1)]

    def commit(self, out, message, ops):
        name, handle = self.person()
        stamp = "%s <%s@example.com> %d %s" % (name, handle, EPOCH + STEP_SECONDS * self.commit_no, TZ)
        self.commit_no += 1
        msg = message.encode("utf-8") + b"\n"
        parts = [b"commit refs/heads/main\nauthor ", stamp.encode(), b"\ncommitter ", stamp.encode(),
                 b"\ndata %d\n" % len(msg), msg]
        for op, path, payload in ops:
            if op == "M":
                parts += [b"M 100644 inline ", path.encode(), b"\ndata %d\n" % len(payload), payload, b"\n"]
            elif op == "D":
                parts += [b"D ", path.encode(), b"\n"]
            else:
                parts += [b"R ", path.encode(), b" ", payload.encode(), b"\n"]
        parts.append(b"\n")
        out.write(b"".join(parts))

    def run(self, out):
        args = self.args
        creating = min(args.commits, args.pages)
        per_commit = [args.pages // creating + (1 if i < args.pages % creating else 0) for i in range(creating)]
        for count in per_commit:
            ops = []
            if not self.folders:
                self.ensure_folders("", ops)
            created = [self.add_page(ops) for _ in range(count)]
            msg = "Add " + created[0].path if count == 1 else "Add %d pages" % count
            self.commit(out, msg, ops)
        # A fixed random hotness order: who is hot must not depend on creation order or folder.
        self.rng.shuffle(self.hot)
        verbs = ("Update", "Fix typo in", "Clarify", "Expand", "Revise", "Tidy", "更新", "修订")
        for _ in range(args.commits - creating):
            ops = []
            r = self.rng.random()
            if r < 0.01 and len(self.hot) > 1:
                old, new = self.rename(ops)
                msg = "Move %s to %s" % (old, new)
            elif r < 0.015:
                page = self.add_page(ops, self.rng.randrange(len(self.hot) + 1))
                msg = "Add " + page.path
            elif r < 0.02 and len(self.hot) > 1:
                msg = "Delete " + self.delete(ops)
            else:
                page = self.modify(ops)
                msg = "%s %s" % (self.rng.choice(verbs), page.path)
                if self.rng.random() < 0.03:
                    extra = [self.modify(ops) for _ in range(self.rng.randint(1, 2))]
                    if any(extra):
                        msg += " and related pages"
            self.commit(out, msg, ops)


def git(*argv, cwd=None, capture=False):
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)
    result = subprocess.run(["git", *argv], cwd=cwd, env=env, check=True,
                            stdout=subprocess.PIPE if capture else None)
    return result.stdout.decode().strip() if capture else None


def dir_size(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.lstat(os.path.join(root, f)).st_size
            except OSError:
                pass
    return total


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", required=True, help="repository to create (missing or empty folder)")
    p.add_argument("--bare", action="store_true", help="create a bare repository")
    p.add_argument("--force", action="store_true", help="empty --out first if it exists")
    p.add_argument("--pages", type=int, default=1000)
    p.add_argument("--depth", type=int, default=3,
                   help="folder levels counting the root: 3 gives s03/s17/page-00042.md")
    p.add_argument("--commits", type=int, default=None, help="default: = pages")
    p.add_argument("--page-kb", type=float, default=2.0, help="approximate page size in KiB")
    p.add_argument("--seed", default="1")
    p.add_argument("--lang", choices=("mixed", "zh", "en"), default="mixed")
    p.add_argument("--zipf", type=float, default=1.0, help="exponent of the edit distribution over pages")
    p.add_argument("--repack", action="store_true",
                   help="git repack -a -d -f after the import (smaller, like a clone; no bitmap index)")
    p.add_argument("--commit-graph", action="store_true",
                   help="run git commit-graph write --reachable --changed-paths after the import")
    args = p.parse_args(argv)
    if args.commits is None:
        args.commits = args.pages
    if args.pages < 1 or args.commits < 1 or args.depth < 1:
        p.error("--pages, --commits and --depth must be at least 1")
    return args


def main(argv=None):
    args = parse_args(argv)
    started = time.monotonic()
    out = os.path.abspath(args.out)
    if os.path.exists(out) and os.listdir(out):
        if not args.force:
            sys.exit("gen_repo: %s exists and is not empty (use --force to replace it)" % out)
        looks_like_repo = os.path.exists(os.path.join(out, ".git")) or (
            os.path.exists(os.path.join(out, "HEAD")) and os.path.isdir(os.path.join(out, "objects")))
        if not looks_like_repo:
            sys.exit("gen_repo: %s is not a Git repository; --force only replaces repositories" % out)
        shutil.rmtree(out)
    os.makedirs(out, exist_ok=True)
    git("init", "-q", "-b", "main", *(["--bare"] if args.bare else []), out)
    git_dir = out if args.bare else os.path.join(out, ".git")
    # C git must not repack under a running Inkstone (JGit's GC and C git's bitmaps do not mix).
    git("config", "gc.auto", "0", cwd=out)

    proc = subprocess.Popen(["git", "fast-import", "--quiet", "--done"], cwd=out, stdin=subprocess.PIPE,
                            bufsize=1 << 20,
                            env=dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull))
    gen = Generator(args)
    try:
        gen.run(proc.stdin)
        proc.stdin.write(b"done\n")
        proc.stdin.close()
    except BrokenPipeError:
        pass
    if proc.wait() != 0:
        sys.exit("gen_repo: git fast-import failed with exit code %d" % proc.returncode)
    imported = time.monotonic()

    if not args.bare:
        git("reset", "-q", "--hard", "main", cwd=out)
    if args.repack:
        git("repack", "-q", "-a", "-d", "-f", "--no-write-bitmap-index", cwd=out)
    checked_out = time.monotonic()
    if args.commit_graph:
        git("commit-graph", "write", "--reachable", "--changed-paths", cwd=out)
    finished = time.monotonic()

    tip = git("rev-parse", "main", cwd=out, capture=True)
    s = gen.stats
    print("gen_repo: %d pages (%d at tip), %d commits (%d modified, %d added, %d deleted, %d renamed), "
          "%.1f MiB, %.1f s (import %.1f s, checkout/repack %.1f s, commit-graph %.1f s), seed %s, tip %s, %s"
          % (args.pages, len(gen.hot), gen.commit_no, s["modified"], s["added"] - args.pages, s["deleted"],
             s["renamed"], dir_size(git_dir) / 1048576, finished - started, imported - started,
             checked_out - imported, finished - checked_out, args.seed, tip, out))


if __name__ == "__main__":
    main()
