using System.Security.Cryptography;
using System.Text;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Connectors;

/// <summary>
/// What an S3 client is made from, resolved from the variables company.yaml names. Never logged or shown: it holds
/// the secret. <see cref="Key"/> identifies equal settings without it.
/// </summary>
/// <param name="Endpoint">An S3-compatible endpoint (path-style addressing), or <see langword="null"/> for AWS itself.</param>
/// <param name="Region">The region to sign for.</param>
/// <param name="AccessKeyId">The access key id, or <see langword="null"/> for the SDK's default credentials (instance role, profile).</param>
/// <param name="SecretAccessKey">The secret, set exactly when <paramref name="AccessKeyId"/> is.</param>
/// <param name="CredentialVariables">The variables that hold the credentials, for messages, e.g. <c>AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY</c>.</param>
internal sealed record S3ClientSettings(Uri? Endpoint, string Region, string? AccessKeyId, string? SecretAccessKey, string CredentialVariables)
{
    /// <summary>The region signed for when the region variable is not set (the Python project's default too).</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>The variable read for the endpoint when company.yaml names none (<c>endpoint_url_env</c>).</summary>
    public const string DefaultEndpointVariable = "AWS_ENDPOINT_URL";

    /// <summary>The settings as a cache key: the secret appears only as a SHA-256 fingerprint.</summary>
    public string Key => string.Join(
        '|',
        Endpoint?.AbsoluteUri ?? "aws",
        Region,
        AccessKeyId ?? "default-credentials",
        SecretAccessKey is null ? string.Empty : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(SecretAccessKey))));

    /// <summary>The endpoint for messages: scheme, host and port only, or <c>AWS (region)</c>.</summary>
    public string EndpointDisplay => Endpoint is null ? $"AWS ({Region})" : Endpoint.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);

    /// <summary>
    /// Reads the connector's variables: <c>aws_access_key_id_env</c>, <c>aws_secret_access_key_env</c>,
    /// <c>aws_region_env</c> (defaults <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_REGION</c>) and
    /// <c>endpoint_url_env</c> (default <c>AWS_ENDPOINT_URL</c>). With neither key variable set, the SDK's own
    /// credential chain applies (an instance or task role); with only one set, the settings are refused.
    /// </summary>
    /// <param name="connector">The chosen connector.</param>
    /// <param name="secrets">The host's configuration.</param>
    /// <param name="file">The company.yaml, for messages, e.g. <c>companies/acme/config/company.yaml</c>.</param>
    /// <param name="keyPath">The connector's key, e.g. <c>knowledge_base.connectors.production</c>.</param>
    public static S3ClientSettings Resolve(ConnectorSettings connector, CompanySecrets secrets, string file, string keyPath)
    {
        var keyId = connector.AccessKeyId ?? new VariableReference("AWS_ACCESS_KEY_ID", file, $"{keyPath}.aws_access_key_id_env");
        var secret = connector.SecretAccessKey ?? new VariableReference("AWS_SECRET_ACCESS_KEY", file, $"{keyPath}.aws_secret_access_key_env");
        var region = connector.Region ?? new VariableReference("AWS_REGION", file, $"{keyPath}.aws_region_env");
        var endpoint = connector.EndpointUrl ?? new VariableReference(DefaultEndpointVariable, file, $"{keyPath}.endpoint_url_env");
        var keyIdValue = secrets.Find(keyId);
        var secretValue = secrets.Find(secret);
        if ((keyIdValue is null) != (secretValue is null))
        {
            var missing = keyIdValue is null ? keyId : secret;
            throw new IAToolkitException(
                ErrorCodes.InvalidSettings,
                $"{missing.Name} is not set, but {(keyIdValue is null ? secret : keyId).Name} is: set both, or neither to use the host's own AWS credentials ({missing.File}: {missing.KeyPath}).");
        }

        return new S3ClientSettings(ParseEndpoint(secrets.Find(endpoint), endpoint), secrets.Find(region) ?? DefaultRegion, keyIdValue, secretValue, $"{keyId.Name}/{secret.Name}");
    }

    /// <summary>Hides the secret from any accidental formatting.</summary>
    public override string ToString() => $"S3 {EndpointDisplay} with {(AccessKeyId is null ? "default credentials" : CredentialVariables)}";

    private static Uri? ParseEndpoint(string? value, VariableReference variable)
    {
        if (value is null)
        {
            return null;
        }

        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.UserInfo))
        {
            return uri;
        }

        throw new IAToolkitException(
            ErrorCodes.InvalidSettings,
            $"{variable.Name} must be an http or https URL without credentials, such as http://127.0.0.1:9000 ({variable.File}: {variable.KeyPath}).");
    }
}
