package dev.specboard.api;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import jakarta.inject.Inject;

import static dev.specboard.api.McpTools.call;
import static dev.specboard.api.McpTools.entity;

/**
 * Setting a project up as MCP tools: create one, link a repository, add members, change their roles and remove them.
 * Each calls its JSON API twin ({@link ProjectApi}, {@link RepoApi}, {@link MemberApi}), so the project policy, the
 * repository address rules (hosts, local roots) and the last-owner rules are the API's own.
 */
public class ProjectTools {

    @Inject
    ProjectApi projectApi;

    @Inject
    RepoApi repoApi;

    @Inject
    MemberApi memberApi;

    @Tool(name = "create_project", description = "Creates a project with you as its owner (not with a token limited to a project).",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public ProjectApi.ProjectRowAnswer createProject(@ToolArg(description = "project name") String name,
            @ToolArg(description = "slug (omit: made from the name)", required = false) String slug,
            @ToolArg(description = "web-app, mobile-app, pwa, api or fullstack") String type,
            @ToolArg(description = "framework", required = false) String framework,
            @ToolArg(description = "description", required = false) String description) {
        return entity(ProjectApi.ProjectRowAnswer.class, () -> projectApi.create(new ProjectApi.ProjectBody(name, slug, type, framework, description)));
    }

    @Tool(name = "link_repository", description = "Links a git repository to a project (owner role) and queues its first sync; poll get_sync.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = true))
    public RepoApi.RepoAnswer linkRepository(@ToolArg(description = "project slug") String project,
            @ToolArg(description = "repository name") String name,
            @ToolArg(description = "git URL or allowed local path") String url,
            @ToolArg(description = "default branch", required = false) String defaultBranch,
            @ToolArg(description = "minutes between syncs", required = false) Integer syncIntervalMinutes) {
        return entity(RepoApi.RepoAnswer.class, () -> repoApi.create(project, new RepoApi.RepoBody(name, url, defaultBranch, syncIntervalMinutes)));
    }

    @Tool(name = "add_member", description = "Adds an account to a project by username with a role (owner role).",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public MemberApi.MemberAnswer addMember(@ToolArg(description = "project slug") String project,
            @ToolArg(description = "username") String username,
            @ToolArg(description = "viewer, reviewer, member, lead or owner") String role) {
        return entity(MemberApi.MemberAnswer.class, () -> memberApi.add(project, new MemberApi.MemberBody(username, role)));
    }

    @Tool(name = "set_member_role", description = "Changes a member's role (owner role); the last owner keeps theirs.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, idempotentHint = true, openWorldHint = false))
    public MemberApi.MemberAnswer setMemberRole(@ToolArg(description = "project slug") String project,
            @ToolArg(description = "username") String username,
            @ToolArg(description = "viewer, reviewer, member, lead or owner") String role) {
        return call(() -> memberApi.changeRole(project, username, new MemberApi.RoleBody(role)));
    }

    @Tool(name = "remove_member", description = "Removes a member from a project (owner role); their task claims end. The last owner stays.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = true, openWorldHint = false))
    public DesignTools.Deleted removeMember(@ToolArg(description = "project slug") String project,
            @ToolArg(description = "username") String username) {
        return call(() -> {
            memberApi.remove(project, username);
            return new DesignTools.Deleted("member", username);
        });
    }
}
