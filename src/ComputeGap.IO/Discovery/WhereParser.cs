using System.Globalization;
using System.Text;

namespace ComputeGap.IO.Discovery;

/// <summary>A <c>--where</c> condition that does not parse; the message says where and what was expected.</summary>
public sealed class WhereSyntaxException(string message) : FormatException(message);

/// <summary>
/// Parses <c>--where</c> conditions: <c>share_EU &lt; 0.03</c>, <c>us_cn_ratio &lt; 4 and share_EU &gt;= 0.05</c>,
/// <c>"Greater than 90%" = 1 or not (a &gt; b)</c>. Grammar (keywords in any case; <c>and</c> binds tighter than <c>or</c>):
/// <code>
/// or         := and ('or' and)*
/// and        := unary ('and' unary)*
/// unary      := 'not' unary | '(' or ')' | comparison
/// comparison := operand ('&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '=' | '==' | '!=' | '&lt;&gt;') operand
/// operand    := number | name | '"' text with "" for a quote '"'
/// </code>
/// A bare name starts with a letter or <c>_</c> and goes on with letters, digits, <c>_</c> and <c>.</c>.
/// </summary>
public sealed class WhereParser
{
    private readonly string _text;
    private int _at;

    private WhereParser(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="WhereSyntaxException">It does not parse; the message names the character position.</exception>
    public static WhereExpression Parse(string text)
    {
        var parser = new WhereParser(text);
        parser.SkipSpace();
        if (parser.AtEnd)
        {
            throw new WhereSyntaxException("the condition is empty; write e.g. \"share_EU < 0.03\"");
        }

        var expression = parser.ParseOr();
        parser.SkipSpace();
        return parser.AtEnd ? expression : throw parser.Error($"unexpected \"{parser.Rest()}\" after a complete condition");
    }

    /// <summary>Parses the value of a <c>--where</c> option.</summary>
    /// <exception cref="ArgumentException">It does not parse: <c>--where "a &lt;": at character 4: …</c>.</exception>
    public static WhereExpression ParseOption(string text)
    {
        try
        {
            return Parse(text);
        }
        catch (WhereSyntaxException e)
        {
            throw new ArgumentException($"--where \"{text}\": {e.Message}", e);
        }
    }

    /// <summary>True when <paramref name="name"/> can be written without quotes (and is not a keyword).</summary>
    public static bool IsBareName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.')
        && !IsKeyword(name);

    private bool AtEnd => _at >= _text.Length;

    private WhereExpression ParseOr()
    {
        var left = ParseAnd();
        while (TakeKeyword("or"))
        {
            left = new WhereJunction(left, false, ParseAnd());
        }

        return left;
    }

    private WhereExpression ParseAnd()
    {
        var left = ParseUnary();
        while (TakeKeyword("and"))
        {
            left = new WhereJunction(left, true, ParseUnary());
        }

        return left;
    }

    private WhereExpression ParseUnary()
    {
        SkipSpace();
        if (TakeKeyword("not"))
        {
            return new WhereNot(ParseUnary());
        }

        if (Take('('))
        {
            var inner = ParseOr();
            SkipSpace();
            return Take(')') ? inner : throw Error(AtEnd ? "a \"(\" is never closed" : $"expected \")\" before \"{Rest()}\"");
        }

        var left = ParseOperand();
        var op = ParseOperator();
        var right = ParseOperand();
        return left.Column is null && right.Column is null
            ? throw Error($"{left} compared with {right}: one side of a comparison must be a column")
            : new WhereComparison(left, op, right);
    }

    private WhereOperand ParseOperand()
    {
        SkipSpace();
        if (AtEnd)
        {
            throw Error("the condition ends where a column or a number was expected");
        }

        var c = _text[_at];
        if (c == '"')
        {
            return new WhereOperand(ParseQuoted(), 0);
        }

        if (char.IsAsciiDigit(c) || c is '-' or '+' or '.')
        {
            return new WhereOperand(null, ParseNumber());
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            var start = _at;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(_text[_at]) || _text[_at] is '_' or '.'))
            {
                _at++;
            }

            var name = _text[start.._at];
            if (IsKeyword(name))
            {
                _at = start;
                throw Error($"expected a column or a number, not the keyword \"{name}\"");
            }

            return new WhereOperand(name, 0);
        }

        throw Error($"expected a column or a number, not \"{Rest()}\"");
    }

    private string ParseQuoted()
    {
        var start = _at++;
        var name = new StringBuilder();
        while (!AtEnd)
        {
            if (_text[_at] == '"')
            {
                if (_at + 1 < _text.Length && _text[_at + 1] == '"')
                {
                    name.Append('"');
                    _at += 2;
                    continue;
                }

                _at++;
                return name.Length > 0 ? name.ToString() : throw Error("an empty quoted column name");
            }

            name.Append(_text[_at++]);
        }

        _at = start;
        throw Error("a quoted column name is never closed (write \"\" for a quote inside)");
    }

    private double ParseNumber()
    {
        var start = _at;
        if (_text[_at] is '-' or '+')
        {
            _at++;
        }

        while (!AtEnd && (char.IsAsciiDigit(_text[_at]) || _text[_at] == '.'
            || ((_text[_at] is 'e' or 'E') && _at + 1 < _text.Length)
            || (_text[_at] is '-' or '+' && _text[_at - 1] is 'e' or 'E')))
        {
            _at++;
        }

        var token = _text[start.._at];
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        _at = start;
        throw Error($"\"{token}\" is not a finite number");
    }

    private CompareOp ParseOperator()
    {
        SkipSpace();
        foreach (var (symbol, op) in Operators)
        {
            if (string.CompareOrdinal(_text, _at, symbol, 0, symbol.Length) == 0)
            {
                _at += symbol.Length;
                return op;
            }
        }

        throw Error(AtEnd
            ? "the condition ends where a comparison (<, <=, >, >=, =, !=) was expected"
            : $"expected a comparison (<, <=, >, >=, =, !=) before \"{Rest()}\"");
    }

    private static readonly (string Symbol, CompareOp Op)[] Operators =
    [
        ("<=", CompareOp.LessOrEqual), (">=", CompareOp.GreaterOrEqual), ("<>", CompareOp.NotEqual), ("!=", CompareOp.NotEqual),
        ("==", CompareOp.Equal), ("<", CompareOp.Less), (">", CompareOp.Greater), ("=", CompareOp.Equal),
    ];

    private static bool IsKeyword(string word) =>
        word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase)
        || word.Equals("not", StringComparison.OrdinalIgnoreCase);

    private bool TakeKeyword(string keyword)
    {
        SkipSpace();
        var end = _at + keyword.Length;
        if (end > _text.Length || string.Compare(_text, _at, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) != 0
            || (end < _text.Length && (char.IsAsciiLetterOrDigit(_text[end]) || _text[end] is '_' or '.')))
        {
            return false;
        }

        _at = end;
        return true;
    }

    private bool Take(char c)
    {
        SkipSpace();
        if (!AtEnd && _text[_at] == c)
        {
            _at++;
            return true;
        }

        return false;
    }

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(_text[_at]))
        {
            _at++;
        }
    }

    private string Rest() => _text.Length - _at > 20 ? _text[_at..(_at + 20)] + "…" : _text[_at..];

    private WhereSyntaxException Error(string what) => new($"at character {_at + 1}: {what}");
}
