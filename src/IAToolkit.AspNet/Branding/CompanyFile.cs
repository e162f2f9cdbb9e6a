namespace IAToolkit.AspNet.Branding;

/// <summary>A file of a company folder read for its pages (logo, home template, home stylesheet), with its ETag.</summary>
/// <param name="Path">The absolute path.</param>
/// <param name="Body">The bytes.</param>
/// <param name="ETag">A quoted strong ETag, a hash of <paramref name="Body"/>.</param>
/// <param name="Modified">The file's last write time when read.</param>
internal sealed record CompanyFile(string Path, byte[] Body, string ETag, DateTime Modified)
{
    /// <summary>The ETag without its quotes, short enough for a <c>?v=</c> in a URL.</summary>
    public string Version => ETag.Trim('"');
}
