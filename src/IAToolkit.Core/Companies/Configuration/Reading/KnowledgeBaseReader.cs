using System.Text.Json;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using YamlDotNet.RepresentationModel;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>
/// Reads <c>knowledge_base</c>: the development and production connectors and the document sources; and IAToolkit
/// 2.x's top-level <c>connectors</c>, whose <c>iatoolkit_storage</c> is where a 2.x company keeps its files.
/// </summary>
internal static class KnowledgeBaseReader
{
    /// <summary>The alias IAToolkit 2.x requires in the top-level <c>connectors</c>.</summary>
    public const string StorageAlias = "iatoolkit_storage";

    // 2.x parsers: auto and basic (legacy is basic's older name) are this framework's own reader; docling is not here.
    private static readonly string[] s_parsers = ["auto", "basic", "legacy"];

    public static KnowledgeBaseSettings? Read(YamlSection root)
    {
        var storage = ReadTopLevelConnectors(root);
        if (root.Section("knowledge_base") is not { } knowledgeBase)
        {
            return null;
        }

        var connectors = knowledgeBase.Section("connectors");
        var development = connectors?.Section("development") is { } dev ? ReadConnector(dev) : null;
        var production = connectors?.Section("production") is { } prod ? ReadConnector(prod) : null;
        ReadParser(knowledgeBase, "parsing_provider");
        var collections = ReadCollections(knowledgeBase);
        return new KnowledgeBaseSettings
        {
            Development = development ?? new ConnectorSettings { Type = ConnectorType.Local },
            // A 2.x folder keeps its documents in connectors.iatoolkit_storage; knowledge_base.connectors.production wins.
            Production = production ?? storage,
            DocumentSources = ReadSources(knowledgeBase, collections),
            Collections = collections,
        };
    }

    /// <summary>The top-level <c>connectors</c> (2.x): every alias is checked; <c>iatoolkit_storage</c> is returned.</summary>
    private static ConnectorSettings? ReadTopLevelConnectors(YamlSection root)
    {
        if (root.Section("connectors") is not { } connectors)
        {
            return null;
        }

        ConnectorSettings? storage = null;
        foreach (var (alias, _) in connectors.Entries())
        {
            if (connectors.Section(alias) is not { } connector)
            {
                continue;
            }

            var type = connector.Get("type") is YamlScalarNode { Value: { } value } ? value.Trim().ToLowerInvariant() : null;
            if (type is "gdrive" or "gcs" or "google_cloud_storage")
            {
                connector.Warning("type", $"'{type}' is an IAToolkit 2.x connector type this framework does not support (s3 and local are); this connector is ignored");
                _ = connector.Entries();
                continue;
            }

            var settings = ReadConnector(connector);
            if (alias == StorageAlias)
            {
                storage = settings;
            }
            else
            {
                connectors.Warning(alias, $"is not used here: documents load from knowledge_base.connectors or connectors.{StorageAlias}");
            }
        }

        return storage;
    }

    private static void ReadParser(YamlSection section, string key)
    {
        var parser = section.String(key)?.Trim().ToLowerInvariant();
        if (parser is null || s_parsers.Contains(parser, StringComparer.Ordinal))
        {
            return;
        }

        if (parser == "docling")
        {
            section.Warning(key, "'docling' is an IAToolkit 2.x parser this framework does not have; its own reader (basic) is used");
        }
        else
        {
            section.Error(key, $"'{parser}' is not one of auto, basic, legacy, docling");
        }
    }

    /// <summary><c>collections</c>: names, or <c>{name, parser_provider}</c> mappings.</summary>
    private static List<string> ReadCollections(YamlSection knowledgeBase)
    {
        var collections = new List<string>();
        foreach (var (path, item) in knowledgeBase.List("collections") ?? [])
        {
            string? name = null;
            if (item is YamlScalarNode scalar)
            {
                name = scalar.Value;
            }
            else if (item is YamlMappingNode && YamlNodeKinds.AsSection(item, path, knowledgeBase.Problems) is { } collection)
            {
                name = collection.String("name", required: true);
                ReadParser(collection, "parser_provider");
            }
            else
            {
                knowledgeBase.Problems.Error(path, $"must be a collection name or a {{name, parser_provider}} mapping, not {YamlNodeKinds.Describe(item)}", ProblemCollector.LineOf(item));
            }

            name = name?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (collections.Contains(name, StringComparer.Ordinal))
            {
                knowledgeBase.Problems.Warning(path, $"'{name}' is listed twice", ProblemCollector.LineOf(item));
                continue;
            }

            collections.Add(name);
        }

        return collections;
    }

    private static ConnectorSettings ReadConnector(YamlSection connector)
    {
        var type = ConfigurationEnums.ConnectorTypes.Read(connector, "type", required: true);
        var s3 = type == ConnectorType.S3;

        // A local connector ignores the S3 keys: they are read (so they are not "unknown") but their variables not checked.
        return new ConnectorSettings
        {
            Type = type ?? ConnectorType.Local,
            Path = connector.String("path"),
            Bucket = connector.String("bucket", required: s3),
            Prefix = connector.String("prefix"),
            AccessKeyId = VariableNames.Read(connector, "aws_access_key_id_env", s3 ? "AWS_ACCESS_KEY_ID" : null, check: s3),
            SecretAccessKey = VariableNames.Read(connector, "aws_secret_access_key_env", s3 ? "AWS_SECRET_ACCESS_KEY" : null, check: s3),
            Region = VariableNames.Read(connector, "aws_region_env", s3 ? "AWS_REGION" : null, check: s3),
            EndpointUrl = VariableNames.Read(connector, "endpoint_url_env", check: s3),
        };
    }

    private static List<DocumentSource> ReadSources(YamlSection knowledgeBase, List<string> collections)
    {
        var sources = new List<DocumentSource>();
        if (knowledgeBase.Section("document_sources") is not { } section)
        {
            return sources;
        }

        foreach (var (name, value) in section.Entries())
        {
            if (YamlScalars.IsNull(value))
            {
                section.Error(name, "needs a path");
                continue;
            }

            if (section.Section(name) is not { } source)
            {
                continue;
            }

            // 2.x may say folder where 0.75 says path.
            string? path;
            if (source.Get("folder") is not null && source.Get("path") is not null)
            {
                source.Error("folder", "and path both name the source's folder; keep one of them");
                path = null;
            }
            else
            {
                path = source.Get("folder") is not null ? source.String("folder", required: true) : source.String("path", required: true);
            }

            var metadata = ReadMetadata(source);
            var collection = source.String("collection")?.Trim();
            if (!string.IsNullOrEmpty(collection) && !collections.Contains(collection, StringComparer.Ordinal))
            {
                source.Error("collection", collections.Count == 0
                    ? $"'{collection}' needs knowledge_base.collections to list it"
                    : $"'{collection}' is not one of knowledge_base.collections: {string.Join(", ", collections)}");
                collection = null;
            }

            if (!string.IsNullOrEmpty(collection) && !metadata.ContainsKey("collection"))
            {
                metadata["collection"] = JsonSerializer.SerializeToElement(collection);
            }

            if (path is not null)
            {
                sources.Add(new DocumentSource { Name = name, Path = path, Metadata = metadata, Collection = string.IsNullOrEmpty(collection) ? null : collection });
            }
        }

        return sources;
    }

    private static Dictionary<string, JsonElement> ReadMetadata(YamlSection source)
    {
        var metadata = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (source.Section("metadata", freeForm: true) is not { } section)
        {
            return metadata;
        }

        foreach (var (key, value) in section.Entries())
        {
            if (value is YamlScalarNode)
            {
                metadata[key] = YamlJson.ToElement(value);
            }
            else
            {
                section.Error(key, $"must be a single value (text, number, true or false), not {YamlNodeKinds.Describe(value)}");
            }
        }

        return metadata;
    }
}
