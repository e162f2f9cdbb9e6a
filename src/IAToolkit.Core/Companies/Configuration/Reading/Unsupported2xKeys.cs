using System.Text.RegularExpressions;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>
/// Keys of IAToolkit 2.x's company.yaml that this framework recognises but does not implement. A folder written for 2.x
/// loads: each such key gets one warning that says so, instead of "is not a known key".
/// </summary>
internal static partial class Unsupported2xKeys
{
    // Key paths with list indexes removed (data_sources.sql[0].bridge_id → data_sources.sql.bridge_id).
    private static readonly Dictionary<string, string> s_features = new(StringComparer.Ordinal)
    {
        ["visual_embedding_provider"] = "visual embeddings (image search)",
        ["inference_tools"] = "Hugging Face inference tools",
        ["embedding_providers"] = "named embedding profiles",
        ["web_search"] = "web search",
        ["storage_provider"] = "storage_provider (this framework reads connectors and knowledge_base.connectors)",
        ["sso"] = "single sign-on configuration (external login here is POST /external_login/{c})",
        ["tasks"] = "scheduled tasks",
        ["payments"] = "payments",
        ["llm.gateway"] = "the Cloudflare AI gateway",
        ["llm.telemetry"] = "LLM telemetry to Braintrust (this framework exports OpenTelemetry)",
        ["llm.default_attachment_mode"] = "native attachments",
        ["llm.default_attachment_fallback"] = "native attachments",
        ["llm.capabilities_overrides"] = "provider capability overrides",
        ["embedding_provider.tool_name"] = "embeddings through inference tools",
        ["embedding_provider.class_path"] = "custom embedding classes",
        ["embedding_provider.init_params"] = "custom embedding classes",
        ["embedding_provider.warmup_on_startup"] = "endpoint warm-up",
        ["knowledge_base.docling"] = "the Docling parser",
        ["knowledge_base.metadata_search_fields"] = "metadata search fields",
        ["parameters.http_tools"] = "HTTP tools",
        ["parameters.tool_router"] = "the tool router",
        ["data_sources.sql.connection_type"] = "bridge connections",
        ["data_sources.sql.bridge_id"] = "bridge connections",
    };

    /// <summary>The warning for an unknown key that IAToolkit 2.x defines; <see langword="null"/> for any other key.</summary>
    public static string? Describe(string keyPath)
    {
        var path = Index().Replace(keyPath, string.Empty);
        return s_features.TryGetValue(path, out var feature)
            ? $"is an IAToolkit 2.x setting ({feature}) that this framework does not support; it is ignored"
            : null;
    }

    [GeneratedRegex(@"\[\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex Index();
}
