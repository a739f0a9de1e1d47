namespace SesAnalytics.Engine.Select.Ast;

/// <summary>
/// One step of a path: a member name or an array index. Unquoted names match JSON members case-insensitively; quoted
/// names ("name" or ['name']) match exactly, as the S3 Select reference says.
/// </summary>
internal sealed record PathStep(string? Name, bool CaseSensitive, int? Index);
