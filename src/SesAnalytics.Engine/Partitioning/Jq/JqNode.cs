namespace SesAnalytics.Engine.Partitioning.Jq;

/// <summary>The AST of the supported subset; each node evaluates itself against one input value.</summary>
internal abstract record JqNode
{
    public abstract JqResult Evaluate(in JqValue input);
}

internal sealed record JqIdentity : JqNode
{
    public override JqResult Evaluate(in JqValue input) => JqResult.Of(input);
}

internal sealed record JqLiteral(JqValue Value) : JqNode
{
    public override JqResult Evaluate(in JqValue input) => JqResult.Of(Value);
}

internal sealed record JqPipe(JqNode Left, JqNode Right) : JqNode
{
    public override JqResult Evaluate(in JqValue input)
    {
        JqResult left = Left.Evaluate(input);
        return left.Kind == JqResultKind.Value ? Right.Evaluate(left.Value) : left;
    }
}

/// <summary>jq 1.6's <c>//</c>: the left's value unless it is null or false or there is none; the left's errors still surface.</summary>
internal sealed record JqAlternative(JqNode Left, JqNode Right) : JqNode
{
    public override JqResult Evaluate(in JqValue input)
    {
        JqResult left = Left.Evaluate(input);
        return left.Kind switch
        {
            JqResultKind.Error => left,
            JqResultKind.Value when left.Value.IsTruthy => left,
            _ => Right.Evaluate(input),
        };
    }
}

/// <summary><c>term?</c>: an error becomes no output.</summary>
internal sealed record JqTry(JqNode Body) : JqNode
{
    public override JqResult Evaluate(in JqValue input)
    {
        JqResult result = Body.Evaluate(input);
        return result.Kind == JqResultKind.Error ? JqResult.Empty : result;
    }
}

/// <summary>
/// <c>term.name</c>, <c>term."name"</c>, <c>term[key]</c>. The key is evaluated first (as jq does), against the same input as the term;
/// <see cref="Optional"/> (<c>term[key]?</c>) swallows only the indexing error, not the term's, as jq 1.6 does.
/// </summary>
internal sealed record JqIndex(JqNode Target, JqNode Key, bool Optional) : JqNode
{
    public override JqResult Evaluate(in JqValue input)
    {
        JqResult key = Key.Evaluate(input);
        if (key.Kind != JqResultKind.Value)
        {
            return key;
        }

        JqResult target = Target.Evaluate(input);
        if (target.Kind != JqResultKind.Value)
        {
            return target;
        }

        JqResult indexed = Index(target.Value, key.Value);
        return Optional && indexed.Kind == JqResultKind.Error ? JqResult.Empty : indexed;
    }

    private static JqResult Index(in JqValue value, in JqValue key)
    {
        switch (value.Kind, key.Kind)
        {
            case (JqKind.Object, JqKind.String):
                return JqResult.Of(value.TryGetMember(key.GetString(), out JqValue member) ? member : JqValue.Null);
            case (JqKind.Array, JqKind.Number):
                double number = key.GetNumber();
                return JqResult.Of(number >= int.MinValue && number <= int.MaxValue && number == Math.Floor(number)
                    ? value.ItemOrNull((int)number)
                    : JqValue.Null);
            case (JqKind.Null, JqKind.String or JqKind.Number or JqKind.Object):
                return JqResult.Of(JqValue.Null);
            case (_, JqKind.String):
                return JqResult.Fail($"Cannot index {value.KindName} with string \"{key.GetString()}\"");
            default:
                return JqResult.Fail($"Cannot index {value.KindName} with {key.KindName}");
        }
    }
}

/// <summary><c>{Key: value, ...}</c>: one object, or nothing or an error as soon as a value yields that.</summary>
internal sealed record JqObjectConstruction(IReadOnlyList<KeyValuePair<string, JqNode>> Entries) : JqNode
{
    public override JqResult Evaluate(in JqValue input)
    {
        var members = new List<KeyValuePair<string, JqValue>>(Entries.Count);
        foreach (KeyValuePair<string, JqNode> entry in Entries)
        {
            JqResult value = entry.Value.Evaluate(input);
            if (value.Kind != JqResultKind.Value)
            {
                return value;
            }

            int existing = IndexOf(members, entry.Key);
            if (existing >= 0)
            {
                members[existing] = new KeyValuePair<string, JqValue>(entry.Key, value.Value);
            }
            else
            {
                members.Add(new KeyValuePair<string, JqValue>(entry.Key, value.Value));
            }
        }

        return JqResult.Of(JqValue.Object(members));
    }

    private static int IndexOf(List<KeyValuePair<string, JqValue>> members, string key)
    {
        for (int i = 0; i < members.Count; i++)
        {
            if (members[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }
}
