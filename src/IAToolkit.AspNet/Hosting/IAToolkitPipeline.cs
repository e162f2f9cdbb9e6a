namespace IAToolkit.AspNet.Hosting;

/// <summary>
/// What the host's <c>Program.cs</c> asked for: <c>UseIAToolkit()</c> and <c>MapIAToolkit()</c> record themselves
/// here, and <see cref="PipelineCheckStartupFilter"/> reads it when the pipeline is built.
/// </summary>
internal sealed class IAToolkitPipeline
{
    public bool MiddlewareInstalled { get; set; }

    public bool EndpointsMapped { get; set; }
}
