namespace IAToolkit.Downloads;

/// <summary>Short-lived downloads of the files the assistant generates (section <c>IAToolkit:Downloads</c>).</summary>
internal sealed class DownloadOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "IAToolkit:Downloads";

    /// <summary>How long a download link works when the caller does not say (default one hour).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest lifetime a caller may ask for (default one day): downloads live in Redis, which is not a file store.</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The largest file, in bytes (default 20 MB).</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}
