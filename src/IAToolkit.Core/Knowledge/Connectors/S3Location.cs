using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;

namespace IAToolkit.Knowledge.Connectors;

/// <summary>A document source in a bucket: the bucket and the key prefix its files sit under.</summary>
/// <param name="Bucket">The bucket name.</param>
/// <param name="Prefix">The key prefix: empty, or ending with <c>/</c>.</param>
internal sealed record S3Location(string Bucket, string Prefix)
{
    /// <summary>
    /// The connector's <c>prefix</c> followed by the source's <c>path</c> (both already checked by
    /// <see cref="SourcePath.NormalizeFolder"/>), with a single <c>/</c> between and after them.
    /// </summary>
    public static S3Location Of(string bucket, string connectorPrefix, string sourcePath)
    {
        var parts = new[] { connectorPrefix, sourcePath }.Where(p => p.Length > 0);
        var prefix = string.Join('/', parts);
        return new S3Location(bucket, prefix.Length == 0 ? string.Empty : prefix + "/");
    }

    /// <summary>The key of a file given by its path relative to the source.</summary>
    public string KeyOf(string relativePath) => Prefix + relativePath;

    /// <summary><c>s3://bucket/prefix/</c>.</summary>
    public override string ToString() => $"s3://{Bucket}/{Prefix}";
}
