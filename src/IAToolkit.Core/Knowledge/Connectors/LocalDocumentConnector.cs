using System.Diagnostics;
using System.Runtime.CompilerServices;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;
using IAToolkit.Knowledge.Store;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Knowledge.Connectors;

/// <summary>
/// A document source in a folder of the host. Lists recursively; symbolic links (files or folders) inside the
/// source are skipped when listing and refused when opening or writing, so nothing outside the folder is reached;
/// names starting with a dot are not documents (hidden files, and the temporary files of a write in progress).
/// </summary>
internal sealed class LocalDocumentConnector : IDocumentConnector
{
    private const int BufferSize = 81920;
    private readonly LocalSourceFolder _folder;
    private readonly ILogger _logger;

    public LocalDocumentConnector(LocalSourceFolder folder, ILogger logger)
    {
        _folder = folder;
        _logger = logger;
    }

    public string Describe() => $"local folder {_folder.Display}";

    public async IAsyncEnumerable<SourceFile> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        // The file system API is synchronous; keep a large folder's walk off the caller's thread.
        var files = await Task.Run(() => Scan(cancellationToken), cancellationToken);
        ConnectorLog.Listed(_logger, Describe(), files.Count, watch.ElapsedMilliseconds);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return file;
        }
    }

    public Task<Stream> OpenAsync(SourceFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        cancellationToken.ThrowIfCancellationRequested();
        var relative = SourcePath.NormalizeFile(file.Path);
        var full = FullPathOf(relative);
        try
        {
            Stream stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Unavailable($"{relative} does not exist (any more)", ex);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw Unavailable($"{relative} cannot be read: {ex.Message}", ex);
        }
    }

    public async Task WriteAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var relative = SourcePath.NormalizeFile(path);
        var full = FullPathOf(relative);
        var folder = Path.GetDirectoryName(full)!;
        // Written beside the target under a dot-name (never listed), then renamed over it: a reader sees the old
        // file or the new one, never half of one.
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        long bytes;
        try
        {
            Directory.CreateDirectory(folder);
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(output, BufferSize, cancellationToken);
                bytes = output.Length;
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            TryDelete(temporary);
            throw Unavailable($"{relative} cannot be written: {ex.Message}", ex);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        ConnectorLog.Wrote(_logger, Describe(), relative, bytes);
    }

    private List<SourceFile> Scan(CancellationToken cancellationToken)
    {
        if (!_folder.Exists && !Directory.Exists(_folder.FullPath))
        {
            throw Unavailable($"the folder does not exist (looked in {string.Join(", ", _folder.Searched)})", null);
        }

        var options = new EnumerationOptions { AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = false };
        var files = new List<SourceFile>();
        var pending = new Stack<(DirectoryInfo Folder, string Relative)>();
        pending.Push((new DirectoryInfo(_folder.FullPath), string.Empty));
        try
        {
            while (pending.TryPop(out var current))
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var entry in current.Folder.EnumerateFileSystemInfos("*", options))
                {
                    var relative = current.Relative.Length == 0 ? entry.Name : $"{current.Relative}/{entry.Name}";
                    if (entry.Name.StartsWith('.'))
                    {
                        continue;
                    }

                    if (entry.LinkTarget is not null)
                    {
                        ConnectorLog.SkippedLink(_logger, Describe(), relative);
                    }
                    else if (entry is DirectoryInfo directory)
                    {
                        pending.Push((directory, relative));
                    }
                    else if (entry is FileInfo file)
                    {
                        files.Add(new SourceFile(relative, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero)));
                    }
                }
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw Unavailable($"the folder cannot be read: {ex.Message}", ex);
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>The absolute path of a checked relative path; refuses one that passes through a symbolic link.</summary>
    private string FullPathOf(string relative)
    {
        var current = _folder.FullPath;
        foreach (var segment in relative.Split('/'))
        {
            current = Path.Combine(current, segment);
            if (new FileInfo(current).LinkTarget is not null)
            {
                throw Unavailable($"{relative} goes through a symbolic link, and symbolic links are not followed", null);
            }
        }

        return current;
    }

    private IAToolkitException Unavailable(string reason, Exception? inner)
    {
        ConnectorLog.Unavailable(_logger, Describe(), reason);
        return new IAToolkitException(ErrorCodes.KnowledgeSourceUnavailable, $"{Describe()}: {reason}.", inner);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover dot-file is never listed.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
