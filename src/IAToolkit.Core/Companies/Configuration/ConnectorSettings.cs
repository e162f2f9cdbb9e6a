using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary><c>knowledge_base.connectors.development</c> or <c>.production</c>.</summary>
internal sealed record ConnectorSettings
{
    /// <summary><c>type</c>.</summary>
    public ConnectorType Type { get; init; }

    /// <summary><c>path</c>: the root folder of a local connector, when given.</summary>
    public string? Path { get; init; }

    /// <summary><c>bucket</c>: required for S3.</summary>
    public string? Bucket { get; init; }

    /// <summary><c>prefix</c>: the key prefix inside the bucket.</summary>
    public string? Prefix { get; init; }

    /// <summary><c>aws_access_key_id_env</c> (S3 only; <c>AWS_ACCESS_KEY_ID</c> when not given).</summary>
    public VariableReference? AccessKeyId { get; init; }

    /// <summary><c>aws_secret_access_key_env</c> (S3 only; <c>AWS_SECRET_ACCESS_KEY</c> when not given).</summary>
    public VariableReference? SecretAccessKey { get; init; }

    /// <summary><c>aws_region_env</c> (S3 only; <c>AWS_REGION</c> when not given).</summary>
    public VariableReference? Region { get; init; }

    /// <summary><c>endpoint_url_env</c>: the variable that holds an S3-compatible endpoint URL; AWS itself when not given.</summary>
    public VariableReference? EndpointUrl { get; init; }
}
