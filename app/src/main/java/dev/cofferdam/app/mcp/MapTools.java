package dev.cofferdam.app.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofferdam.app.report.BlastJson;
import dev.cofferdam.app.report.BlastMarkdown;
import dev.cofferdam.app.report.MapJson;
import dev.cofferdam.app.report.MapMarkdown;
import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.blast.BlastReport;
import dev.cofferdam.engine.blast.BlastService;
import dev.cofferdam.engine.blast.SeedSpec;
import dev.cofferdam.engine.context.ContextPackBuilder;
import dev.cofferdam.engine.map.MapService;
import dev.cofferdam.engine.map.RepoMap;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the MCP tools on one repository with the same engine services and formatters as the CLI
 * ({@code map}, {@code blast}, {@code context}). The map comes from the persisted index on every
 * call, so an edited file is seen at once and an unchanged repository costs a check of file
 * states. Thread-safe.
 */
public final class MapTools {
    private final Path root;
    private final MapService maps;
    private final BlastService blast = new BlastService();

    /** @param root the repository root (absolute, normalized) */
    public MapTools(Path root, MapService maps) {
        this.root = root;
        this.maps = maps;
    }

    public Path root() {
        return root;
    }

    /**
     * @throws RpcException for an unknown tool or arguments of the wrong shape
     */
    public ToolResult call(String tool, JsonNode arguments) throws RpcException {
        ToolArgs args = new ToolArgs(arguments);
        try {
            return ToolResult.ok(switch (tool) {
                case ToolCatalog.DOMAIN_MAP -> domainMap(args);
                case ToolCatalog.BLAST_RADIUS -> blastRadius(args);
                case ToolCatalog.CONTEXT_FOR_CHANGE -> context(args);
                case ToolCatalog.MODULE_OF -> MapLookups.moduleOf(map(), args.required("path"));
                case ToolCatalog.DEPENDENTS -> MapLookups.dependents(map(), args.required("path"));
                case ToolCatalog.DEPENDENCIES -> MapLookups.dependencies(map(), args.required("path"));
                case ToolCatalog.OWNERS -> MapLookups.owners(map(), args.required("path"));
                default -> throw new RpcException(RpcException.INVALID_PARAMS, "unknown tool: " + tool);
            });
        } catch (AnalysisException e) {
            return ToolResult.error(e.getMessage());
        }
    }

    private RepoMap map() throws AnalysisException {
        return maps.map(root, ProgressListener.NONE);
    }

    private String domainMap(ToolArgs args) throws RpcException, AnalysisException {
        boolean json = args.json();
        RepoMap map = map();
        return json ? MapJson.render(map) : MapMarkdown.render(map);
    }

    private String blastRadius(ToolArgs args) throws RpcException, AnalysisException {
        boolean json = args.json();
        int depth = args.integer("depth", 0);
        BlastReport report = blast.blast(map(), root, change(args), depth, true);
        return json ? BlastJson.render(report) : BlastMarkdown.render(report);
    }

    private String context(ToolArgs args) throws RpcException, AnalysisException {
        int budget = args.integer("budget", 6000);
        SeedSpec spec = change(args);
        RepoMap map = map();
        return ContextPackBuilder.build(map, blast.blast(map, root, spec, 0, true), budget).markdown();
    }

    private static SeedSpec change(ToolArgs args) throws RpcException {
        List<String> seeds = args.strings("seeds");
        String git = args.string("git");
        boolean wt = args.bool("working_tree");
        if (seeds.isEmpty() && git == null && !wt) {
            throw new RpcException(RpcException.INVALID_PARAMS, "name seeds, or a change with git or working_tree");
        }
        return new SeedSpec(seeds, git, null, wt);
    }
}
