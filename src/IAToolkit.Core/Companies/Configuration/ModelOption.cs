namespace IAToolkit.Companies.Configuration;

/// <summary>One entry of <c>llm.available_models</c> (IAToolkit 2.x): a model a user may pick, as the picker shows it.</summary>
/// <param name="Id">What a request sends as <c>model</c>, and what reaches the provider.</param>
/// <param name="Label">What the picker shows; the id when not given.</param>
/// <param name="Description">One line under the label, when given.</param>
/// <param name="Provider">The 2.x <c>provider</c>, when given (e.g. <c>openai</c>).</param>
internal sealed record ModelOption(string Id, string Label, string? Description, string? Provider);
