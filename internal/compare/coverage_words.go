package compare

import "strings"

// Outlets say one thing in different words. actionClasses folds the
// common words news uses for the same action or thing to one class, so
// that "pressed Zelensky to agree to the meeting" meets "urged Ukraine to
// accept the talks". General English, not tuned to any corpus; each list
// writes its inflections out so that matching needs only the stemmer.
var actionClasses = [][]string{
	words("urge urges urged urging press presses pressed pressing push pushes pushed pushing call calls called calling appeal appeals appealed"),
	words("accept accepts accepted accepting agree agrees agreed agreeing approve approves approved endorse endorses endorsed"),
	words("proposal proposals propose proposes proposed offer offers offered plan plans planned initiative invitation invite invited"),
	words("talks talk negotiation negotiations negotiate negotiated meeting meetings meet meets summit dialogue"),
	words("kill kills killed killing dead death deaths die died dies fatalities"),
	words("injure injured injuries injury wound wounded wounding hurt"),
	words("arrest arrests arrested detain detained detention custody"),
	words("resign resigns resigned resignation quit quits"),
	words("criticize criticizes criticized criticise criticised criticism slam slammed blast blasted condemn condemned condemns denounce denounced"),
	words("ban bans banned banning prohibit prohibits prohibited bar barred"),
	words("rise rises rose risen increase increases increased grow grew grown climb climbed jump jumped soar soared"),
	words("fall falls fell fallen decrease decreased drop drops dropped decline declined cut cuts"),
	words("attack attacks attacked strike strikes struck assault raid raids"),
	words("announce announces announced unveil unveiled reveal revealed disclose disclosed"),
	words("release releases released post posts posted publish published surface surfaced emerge emerged"),
	words("ceasefire truce"),
	words("war conflict fighting hostilities"),
	words("law laws legislation bill bills"),
	words("sue sues sued lawsuit suit"),
	words("win wins won victory"),
	words("lose loses lost defeat defeated"),
	words("reject rejects rejected refuse refused refuses decline dismiss dismissed"),
	words("elect elected election vote votes voted ballot"),
	words("investigation investigations investigate investigating inquiry probe probes probing"),
	words("prosecutor prosecutors attorney attorneys"),
	words("accusation accusations allegation allegations allege alleged charge charges charged"),
	words("aide aides adviser advisers advisor staff staffer staffers"),
	words("document documents record records papers files"),
	words("scandal controversy"),
	words("apologize apologized apologise apologised apology regret regrets regretted"),
	words("grab grabbed seize seized"),
	words("order orders ordered require requires required mandate"),
	words("court judge ruling ruled"),
	words("fire fired dismiss sack sacked oust ousted"),
	words("shoot shot shooting gunman gunfire"),
	words("tax taxes levy"),
	words("rule rules regulation regulations"),
	words("protest protests protested protesters demonstration demonstrators rally"),
	words("leave leaves left depart departed exit"),
	words("hire hired appoint appointed name named nominate nominated"),
	words("oppose opposes opposed opposition against"),
	words("support supports supported back backs backed backing"),
}

// classOf maps a stem to its class, "" when it has none.
var classOf = func() map[string]string {
	out := make(map[string]string)
	for _, ws := range actionClasses {
		for _, w := range ws {
			if st := stem(w); out[st] == "" {
				out[st] = "~" + ws[0]
			}
		}
	}
	return out
}()

// mainClause is the sentence up to where a participle, a relative clause
// or a dash starts a second statement ("…, suggesting the meeting could…"):
// the part a report of the sentence must carry. Sentences whose first
// clause is short stay whole.
func mainClause(text string) string {
	low := strings.ToLower(text)
	cut := len(text)
	for _, sep := range []string{"; ", " — ", " – ", " - "} {
		if i := strings.Index(low, sep); i >= 0 && i < cut {
			cut = i
		}
	}
	for from := 0; ; {
		i := strings.Index(low[from:], ", ")
		if i < 0 {
			break
		}
		i += from
		from = i + 2
		next := lexWords(low[from:])
		if len(next) > 0 && (strings.HasSuffix(next[0], "ing") || relativeOpeners[next[0]]) && i < cut {
			cut = i
			break
		}
	}
	if len(strings.Fields(text[:cut])) < 8 {
		return text
	}
	return text[:cut]
}

var relativeOpeners = setOf(`who which where while whereas although though`)
