namespace IAToolkit.AspNet.Branding;

/// <summary>One key of company.yaml's <c>branding</c>: the CSS variable it sets, its default and what it may hold.</summary>
/// <param name="Key">The key, e.g. <c>brand_primary_color</c>.</param>
/// <param name="Variable">The CSS custom property, e.g. <c>--brand-primary</c>.</param>
/// <param name="Default">The value when the company gives none (or one that is not of <paramref name="Kind"/>).</param>
/// <param name="Kind">What a value must look like.</param>
internal sealed record BrandingKey(string Key, string Variable, string Default, BrandingValue Kind);
