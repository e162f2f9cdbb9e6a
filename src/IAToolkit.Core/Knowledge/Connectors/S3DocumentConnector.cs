using System.Diagnostics;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Knowledge.Connectors;

/// <summary>
/// A document source in an S3 bucket (or an S3-compatible server): the objects under the source's key prefix.
/// Lists every page (ListObjectsV2 with continuation tokens), streams objects, and writes with a single PutObject
/// whose payload is signed whole (no aws-chunked encoding, which some S3-compatible servers store verbatim).
/// </summary>
internal sealed class S3DocumentConnector : IDocumentConnector
{
    private readonly IAmazonS3 _client;
    private readonly S3Location _location;
    private readonly S3ClientSettings _settings;
    private readonly int _pageSize;
    private readonly ILogger _logger;

    public S3DocumentConnector(IAmazonS3 client, S3Location location, S3ClientSettings settings, int pageSize, ILogger logger)
    {
        _client = client;
        _location = location;
        _settings = settings;
        _pageSize = pageSize;
        _logger = logger;
    }

    public string Describe() => _location.ToString();

    public async IAsyncEnumerable<SourceFile> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        List<SourceFile> files;
        try
        {
            files = await ListAllAsync(cancellationToken);
        }
        catch (Exception ex) when (S3Failures.IsStoreFailure(ex, cancellationToken))
        {
            throw Unavailable(ex, null);
        }

        ConnectorLog.Listed(_logger, Describe(), files.Count, watch.ElapsedMilliseconds);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return file;
        }
    }

    public async Task<Stream> OpenAsync(SourceFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var relative = SourcePath.NormalizeFile(file.Path);
        try
        {
            var response = await _client.GetObjectAsync(_location.Bucket, _location.KeyOf(relative), cancellationToken);
            return response.ResponseStream;
        }
        catch (Exception ex) when (S3Failures.IsStoreFailure(ex, cancellationToken))
        {
            throw Unavailable(ex, relative);
        }
    }

    public async Task WriteAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var relative = SourcePath.NormalizeFile(path);
        // The payload is hashed for the signature and its length sent up front, so the SDK needs a stream it can
        // read twice from the start; anything else is copied to a temporary file first.
        var body = content.CanSeek && content.Position == 0 ? null : await BufferAsync(content, cancellationToken);
        try
        {
            var input = body ?? content;
            var request = new PutObjectRequest
            {
                BucketName = _location.Bucket,
                Key = _location.KeyOf(relative),
                InputStream = input,
                AutoCloseStream = false,
                UseChunkEncoding = false,
            };
            await _client.PutObjectAsync(request, cancellationToken);
            ConnectorLog.Wrote(_logger, Describe(), relative, input.Length);
        }
        catch (Exception ex) when (S3Failures.IsStoreFailure(ex, cancellationToken))
        {
            throw Unavailable(ex, relative);
        }
        finally
        {
            if (body is not null)
            {
                await body.DisposeAsync();
            }
        }
    }

    private async Task<List<SourceFile>> ListAllAsync(CancellationToken cancellationToken)
    {
        var files = new List<SourceFile>();
        var request = new ListObjectsV2Request
        {
            BucketName = _location.Bucket,
            Prefix = _location.Prefix.Length == 0 ? null : _location.Prefix,
            MaxKeys = _pageSize,
        };
        var page = 0;
        while (true)
        {
            var response = await _client.ListObjectsV2Async(request, cancellationToken);
            var objects = response.S3Objects ?? [];
            ConnectorLog.ListedPage(_logger, Describe(), ++page, objects.Count);
            foreach (var item in objects)
            {
                var relative = item.Key.Length > _location.Prefix.Length ? item.Key[_location.Prefix.Length..] : string.Empty;
                // Folder markers ("a/") and keys no path could name ("a//b", ".hidden") are not documents.
                if (SourcePath.IsCanonicalFile(relative))
                {
                    files.Add(new SourceFile(relative, item.Size ?? 0, ToOffset(item.LastModified)));
                }
            }

            if (response.IsTruncated != true || string.IsNullOrEmpty(response.NextContinuationToken))
            {
                break;
            }

            request.ContinuationToken = response.NextContinuationToken;
        }

        // S3 lists in UTF-8 byte order; sort the same way the local connector does.
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    private static async Task<FileStream> BufferAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = new FileStream(
            Path.Combine(Path.GetTempPath(), $"iat-upload-{Guid.NewGuid():N}.tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            await content.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            return buffer;
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }
    }

    private static DateTimeOffset? ToOffset(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)),
        { } v => new DateTimeOffset(v.ToUniversalTime()),
    };

    private IAToolkitException Unavailable(Exception exception, string? relative)
    {
        var error = S3Failures.Translate(exception, _location, _settings, relative);
        ConnectorLog.Unavailable(_logger, Describe(), error.Message);
        return error;
    }
}
