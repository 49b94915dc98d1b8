"""Statements: who said what, from reporting cues (reporting_cues.tsv).

- A reporting verb (أكد، قال، أشار ...) takes as speaker the first person or
  organization named after it in its sentence (Arabic verb-subject order),
  skipping an addressee (قال لوكالة ...). With its subject omitted (وأضاف أن ...،
  وقال في تصريح ...، وأكد أهمية ...) the speaker is the previous one: statements
  that refer back. An unnamed subject (الجانبان، مسؤول، a bare title), a state
  (أعلنت روسيا) or a news outlet gives no speaker; a verb governed by أن
  (رفض أن يقول) reports nothing.
- A participle (مؤكدا، مشيرا إلى ...) continues the statement of its sentence's
  speaker, or of the sentence's subject.
- "According to" cues (وفقا لبيان صادر عن ...) take the body named after them.
- A relay (نقلت وكالة ... عن الوزير) gives the statement to whoever follows عن;
  the outlet that only relays is no speaker.
The content runs from the speaker (or the cue) to the next cue of the sentence
or the sentence end.
"""
