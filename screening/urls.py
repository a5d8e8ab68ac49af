from django.urls import path

from screening import views

app_name = "screening"
urlpatterns = [
    path("", views.StartView.as_view(), name="start"),
    path("check-your-answers/", views.CheckAnswersView.as_view(), name="check"),
    path("your-result/", views.ResultView.as_view(), name="result"),
    path("your-result/print/", views.ResultPrintView.as_view(), name="result-print"),
    path("your-result/remove/", views.remove_result, name="result-remove"),
    path("<slug:step>/", views.StepView.as_view(), name="step"),
]
