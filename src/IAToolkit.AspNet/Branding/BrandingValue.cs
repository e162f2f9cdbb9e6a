namespace IAToolkit.AspNet.Branding;

/// <summary>What a branding value may be; anything else is ignored, so no value can inject CSS.</summary>
internal enum BrandingValue
{
    /// <summary>A hex, named, rgb() or hsl() color.</summary>
    Color,

    /// <summary><c>normal</c>, <c>bold</c>, <c>bolder</c>, <c>lighter</c> or 100–900.</summary>
    FontWeight,

    /// <summary>A number in px, rem, em or %.</summary>
    Length,

    /// <summary>A number from 0 to 1.</summary>
    Opacity,
}
