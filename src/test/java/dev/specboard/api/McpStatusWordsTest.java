package dev.specboard.api;

import dev.specboard.account.ApiTokenService;
import dev.specboard.architecture.WorkSession;
import dev.specboard.assist.JobStatus;
import dev.specboard.design.Feature;
import dev.specboard.design.PageStatus;
import dev.specboard.design.Thought;
import dev.specboard.plan.PlanStatus;
import dev.specboard.repo.SyncStatus;
import dev.specboard.spec.TaskStatus;
import dev.specboard.spec.TechnicalSpec;
import dev.specboard.story.StoryFilter;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The statuses an MCP tool's description names are the ones the server takes: list_work_sessions offered "claimed" and
 * "completed", which its filter refused (a session is pending, in_progress, complete or failed).
 */
@QuarkusTest
class McpStatusWordsTest {

    /** Each tool that filters or sets by status, and the values its server side takes, from the server's own lists. */
    private static final Map<String, List<String>> ACCEPTED = Map.ofEntries(
            Map.entry("list_work_sessions", WorkSession.STATUSES),
            Map.entry("list_tasks", Arrays.stream(TaskStatus.values()).map(TaskStatus::value).toList()),
            Map.entry("list_stories", StoryFilter.STATUSES),
            Map.entry("list_specs", TechnicalSpec.STATUSES),
            Map.entry("list_plans", Arrays.stream(PlanStatus.values()).map(PlanStatus::value).toList()),
            Map.entry("set_plan_status", Arrays.stream(PlanStatus.values()).map(PlanStatus::value).toList()),
            Map.entry("list_jobs", Arrays.stream(JobStatus.values()).map(Enum::name).toList()),
            Map.entry("get_job", Arrays.stream(JobStatus.values()).map(Enum::name).toList()),
            Map.entry("get_sync", Arrays.stream(SyncStatus.values()).map(Enum::name).toList()),
            Map.entry("set_page_status", Arrays.stream(PageStatus.values()).map(PageStatus::value).toList()),
            Map.entry("update_feature", Feature.STATUSES),
            Map.entry("list_thinking", Stream.concat(Thought.STATUSES.stream(), Stream.of("review")).toList()));

    /** "by status (a, b or c)" in a tool's description. */
    private static final Pattern NAMED = Pattern.compile("status(?:es)? \\(([^)]*)\\)");

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyStatusAToolDescriptionNamesIsOneItsServerTakes() {
        String token = tokens.create(data.account("mcpstatus").id, "agent", null, null).value();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        try (McpSyncClient mcp = Mcp.client(base, token)) {
            for (McpSchema.Tool tool : mcp.listTools().tools()) {
                List<String> lists = new ArrayList<>();
                Matcher m = NAMED.matcher(tool.description());
                while (m.find()) {
                    // "with their status (following their stories)" is an aside, not a list.
                    if (m.group(1).contains(",")) {
                        lists.add(m.group(1));
                    }
                }
                Map<?, ?> properties = tool.inputSchema().get("properties") instanceof Map<?, ?> p ? p : Map.of();
                if (properties.get("status") instanceof Map<?, ?> status && status.get("description") instanceof String d && d.contains(",")) {
                    lists.add(d.substring(d.lastIndexOf(':') + 1));
                }
                if (lists.isEmpty()) {
                    continue;
                }
                List<String> accepted = ACCEPTED.get(tool.name());
                if (accepted == null) {
                    problems.add(tool.name() + " names statuses (" + lists + "): add what it takes to ACCEPTED");
                    continue;
                }
                for (String list : lists) {
                    for (String word : list.split(",\\s*|\\s+or\\s+")) {
                        // "completed (stories decide once linked)": the word before its aside.
                        String w = word.replaceAll("\\s*\\(.*$", "").replaceAll("\\.$", "").strip();
                        checked++;
                        if (!w.isEmpty() && accepted.stream().noneMatch(a -> a.equals(w) || a.toLowerCase(Locale.ROOT).equals(w))) {
                            problems.add(tool.name() + " names status " + w + ", which it refuses (it takes " + accepted + ")");
                        }
                    }
                }
            }
        }
        assertTrue(checked > 20, "status words checked: " + checked);
        assertEquals(List.of(), problems);
    }
}
