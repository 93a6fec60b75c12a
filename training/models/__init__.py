from .bank import Question, QuestionCitation
from .citations import Citation
from .courses import CourseIndexPage, CoursePage, LessonCitation, LessonPage
from .quizzes import AttemptAnswer, Quiz, QuizAttempt
from .reading import Certificate, MaterialRevision, ReadAssignment, ReadReceipt
from .sessions import Invitation, SignIn, TrainingSession

__all__ = ["AttemptAnswer", "Certificate", "Citation", "CourseIndexPage", "CoursePage", "Invitation",
           "LessonCitation", "LessonPage", "MaterialRevision", "Question", "QuestionCitation", "Quiz",
           "QuizAttempt", "ReadAssignment", "ReadReceipt", "SignIn", "TrainingSession"]
