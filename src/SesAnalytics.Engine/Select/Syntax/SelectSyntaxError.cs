using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Select.Syntax;

/// <summary>The two ways an expression fails to parse: valid SQL that S3 Select (or this evaluator) does not run, and text that is not SQL.</summary>
internal static class SelectSyntaxError
{
    public const string UnsupportedId = "UnsupportedSelectSyntax";
    public const string InvalidId = "InvalidSelectSyntax";

    public static InvalidInputException Unsupported(string construct, int position, string? hint = null) =>
        new(
            UnsupportedId,
            $"The S3 Select expression uses {construct} at position {position}, which is not supported. "
            + (hint ?? "S3 Select runs SELECT … FROM S3Object[*] s [WHERE …] [LIMIT n]; rewrite the expression without it."),
            position);

    public static InvalidInputException Invalid(string problem, int position) =>
        new(InvalidId, $"The S3 Select expression is not valid at position {position}: {problem}. Check the expression's syntax.", position);
}
