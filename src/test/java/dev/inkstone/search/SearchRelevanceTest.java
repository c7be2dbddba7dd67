package dev.inkstone.search;

import dev.inkstone.testing.TestRepo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relevance test set: queries a reader of the sample knowledge base would type, in Chinese, English and both,
 * each with the page that must come first (rank 1) or among the first three.
 */
class SearchRelevanceTest {

    @TempDir
    static Path dir;
    static TestRepo repo;
    static SearchService search;

    @BeforeAll
    static void buildIndexOfSampleContent() {
        repo = SampleRepo.create(dir.resolve("repo"));
        search = new SearchService(SampleRepo.sites(repo), new SearchSettings(dir.resolve("search"), Runnable::run));
        search.start();
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
        repo.close();
    }

    @ParameterizedTest(name = "{0} → {1} within the first {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # Chinese
            注意力                        | ai/model/attention         | 1
            多头注意力                     | ai/model/attention         | 1
            注意力机制原理                  | ai/model/attention         | 1
            思维树                        | ai/agent/tree-of-thoughts  | 1
            知识图谱                       | ai/agent/knowledge-graph   | 1
            多智能体                       | ai/agent/multi-agent       | 1
            记忆                          | ai/agent/memory            | 1
            长期记忆                       | ai/agent/memory            | 1
            上下文窗口                     | ai/agent/memory            | 1
            自我进化                       | ai/agent/self-evolving     | 1
            重排序                        | ai/agent/rag               | 1
            幻觉                          | ai/agent/rag               | 3
            评测基准                       | ai/agent/llm-agent-survey  | 1
            微调                          | ai/training/peft           | 1
            低秩分解                       | ai/training/peft           | 1
            预训练                        | ai/training/pretraining    | 1
            大模型训练                     | ai/training/pretraining    | 3
            自回归                        | ai/model/gpt-principles    | 1
            时间序列                       | prediction-models          | 1
            时间序列预测模型                 | prediction-models          | 1
            自动驾驶                       | end-to-end-decision        | 1
            模仿学习                       | end-to-end-decision        | 1
            世界模型                       | end-to-end-decision        | 1
            知识库                        | ''                         | 1
            # English
            attention mechanism           | ai/model/attention         | 1
            FlashAttention                | ai/model/attention         | 1
            Tree of Thoughts              | ai/agent/tree-of-thoughts  | 1
            GraphRAG                      | ai/agent/knowledge-graph   | 1
            Function Calling              | ai/agent/tools             | 1
            ReAct                         | ai/agent/agentic-reasoning | 1
            Self-Consistency              | ai/agent/agentic-reasoning | 1
            Orchestrator                  | ai/agent/multi-agent       | 1
            retrieval augmented generation | ai/agent/rag              | 1
            RLHF                          | ai/training/posttraining   | 1
            GRPO                          | ai/training/posttraining   | 3
            Scaling Law                   | ai/training/pretraining    | 1
            KV Cache                      | ai/model/gpt-principles    | 1
            tokenizers                    | ai/model/gpt-principles    | 1
            ARIMA                         | prediction-models          | 1
            VLA                           | end-to-end-decision        | 1
            # Chinese and English
            LoRA 微调                      | ai/training/peft           | 1
            LoRA微调                       | ai/training/peft           | 1
            QLoRA 量化                     | ai/training/peft           | 1
            RAG 检索                       | ai/agent/rag               | 1
            RAG检索                        | ai/agent/rag               | 1
            混合检索 BM25                   | ai/agent/rag               | 1
            Transformer 多头注意力           | ai/model/attention         | 1
            思维链 CoT                      | ai/agent/agentic-reasoning | 1
            Voyager 技能库                  | ai/agent/self-evolving     | 1
            MCP 协议                       | ai/agent/tools             | 1
            Agent 综述                     | ai/agent/llm-agent-survey  | 1
            强化学习 智能体                  | ai/agent/agentic-rl        | 3
            MDP 奖励                       | ai/agent/agentic-rl        | 1
            DPO 偏好优化                    | ai/training/posttraining   | 1
            BPE 分词                       | ai/training/pretraining    | 3
            # Operators
            '"注意力 机制"'                  | ai/model/attention         | 1
            '"Chain-of-Thought"'          | ai/agent/agentic-reasoning | 1
            Reflex*                       | ai/agent/agentic-reasoning | 1
            检索 -LoRA                     | ai/agent/memory            | 3
            """)
    void pageRanksWhereAReaderExpectsIt(String query, String page, int within) {
        List<String> ranked = search.search(new SearchRequest(query, "", within, null)).items().stream()
                .map(SearchHit::path).toList();
        assertThat(ranked).as("first %d for %s", within, query).contains(page);
    }
}
