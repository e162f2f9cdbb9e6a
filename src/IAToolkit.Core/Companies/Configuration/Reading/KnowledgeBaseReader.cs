using System.Text.Json;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using YamlDotNet.RepresentationModel;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>Reads <c>knowledge_base</c>: the development and production connectors and the document sources.</summary>
internal static class KnowledgeBaseReader
{
    public static KnowledgeBaseSettings? Read(YamlSection root)
    {
        if (root.Section("knowledge_base") is not { } knowledgeBase)
        {
            return null;
        }

        var connectors = knowledgeBase.Section("connectors");
        var development = connectors?.Section("development") is { } dev ? ReadConnector(dev) : null;
        var production = connectors?.Section("production") is { } prod ? ReadConnector(prod) : null;
        return new KnowledgeBaseSettings
        {
            Development = development ?? new ConnectorSettings { Type = ConnectorType.Local },
            Production = production,
            DocumentSources = ReadSources(knowledgeBase),
        };
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

    private static List<DocumentSource> ReadSources(YamlSection knowledgeBase)
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

            var path = source.String("path", required: true);
            var metadata = ReadMetadata(source);
            if (path is not null)
            {
                sources.Add(new DocumentSource { Name = name, Path = path, Metadata = metadata });
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
